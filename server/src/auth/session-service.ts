import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type PreparedRead, preparedRows } from '../db/prepared-read.js';
import { recordAudit } from '../modules/audit/audit-log.js';
import { User } from '../modules/users/user.js';
import {
  answerOf,
  type PersonalRead,
  type PersonalRows,
  READER_COLUMNS,
  type Reader,
} from './personal-read.js';
import { Session } from './session.js';
import { newToken, tokenId } from './tokens.js';

export interface SessionLifetimes {
  idleTimeoutMs: number;
  maxAgeMs: number;
}

/** lastSeenAt is written at most this often, so that browsing is not a stream of updates. */
const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session for the user; returns the cookie token (the database keeps only its hash). */
export async function startSession(
  em: EntityManager,
  user: User,
  options: { maxAgeMs: number; idpSessionId?: string; idToken?: string },
): Promise<string> {
  const token = newToken();
  const now = new Date();
  em.create(Session, {
    id: tokenId(token),
    user,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + options.maxAgeMs),
    idpSessionId: options.idpSessionId ?? null,
    idToken: options.idToken ?? null,
  });
  await em.flush();
  return token;
}

/** A session's times, read beside its user. */
interface SessionTimes {
  session_last_seen_at: string | Date;
  session_expires_at: string | Date;
}

/**
 * Runs a personal read in the statement that resolves the session behind a cookie token: the
 * relation `me` is the session's user, with the session's times, and the read's rows come
 * beside them in one row. Undefined when the session is unknown, its user deactivated, or it is
 * past its lifetimes (then ended as {@link resumeSession} ends it): one round trip where the
 * session check and the read took two, and the check is the same statement on every request,
 * so signing out anywhere takes effect on the next one here. The reader is a plain object of
 * the columns it names: mapping the User entity cost such a request an eighth of its time.
 */
export async function readInSession<Row extends object>(
  em: EntityManager,
  token: string,
  lifetimes: SessionLifetimes,
  read: PersonalRead,
): Promise<PersonalRows<Row> | undefined> {
  const id = tokenId(token);
  const [row] = await preparedRows<SessionTimes & Reader & { answer: Row[] }>(em, inSession(read), [
    id,
  ]);
  if (!row) return undefined;
  const { answer, session_last_seen_at, session_expires_at, ...user } = row;
  if (!(await stillLive(em, id, row, lifetimes))) return undefined;
  return { user, rows: answer };
}

/** The statement of {@link readInSession}, made once per read. */
const inSessionReads = new WeakMap<PersonalRead, PreparedRead>();

function inSession(read: PersonalRead): PreparedRead {
  const known = inSessionReads.get(read);
  if (known) return known;
  const made: PreparedRead = {
    name: `${read.name}_in_session`,
    text: `WITH me AS (SELECT s.last_seen_at AS session_last_seen_at,
        s.expires_at AS session_expires_at, ${READER_COLUMNS}
      FROM session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = $1 AND u.deactivated_at IS NULL)
    SELECT me.*, ${answerOf(read)} FROM me`,
  };
  inSessionReads.set(read, made);
  return made;
}

/**
 * The person behind a live session: who, and the roles that access checks ask for, at once; the
 * User entity only when something asks for it. Mapping the entity (and forking the request's
 * entity manager for it) cost a signed-in request that never looks at it a fifth of its time.
 */
export interface SessionPerson {
  id: string;
  roles: User['roles'];
  /** The User entity, mapped into the request's entity manager; call it once. */
  entity: () => User;
}

/**
 * The person behind a cookie token, or undefined. A session past its idle or absolute lifetime
 * is deleted and its end audited, once. One prepared statement, whose row becomes the User
 * entity when asked: the ORM's query building for the same join cost several times the query
 * itself on every request.
 */
export async function resumeSession(
  em: EntityManager,
  token: string,
  lifetimes: SessionLifetimes,
): Promise<SessionPerson | undefined> {
  const id = tokenId(token);
  const [row] = await preparedRows<SessionTimes & { id: string; roles: User['roles'] }>(
    em,
    resume(em),
    [id],
  );
  if (!row || !(await stillLive(em, id, row, lifetimes))) return undefined;
  const { session_last_seen_at, session_expires_at, ...userRow } = row;
  return { id: row.id, roles: row.roles, entity: () => em.map(User, userRow) };
}

/** The statement of {@link resumeSession}, made once the ORM's metadata is known. */
let resumeRead: PreparedRead | undefined;

function resume(em: EntityManager): PreparedRead {
  if (resumeRead) return resumeRead;
  // Columns listed, never u.*: a prepared statement's result must not change with a migration.
  const columns = userColumns(em)
    .map((column) => `u.${column}`)
    .join(', ');
  resumeRead = {
    name: 'tandem_resume_session',
    text: `SELECT s.last_seen_at AS session_last_seen_at, s.expires_at AS session_expires_at, ${columns}
      FROM session s JOIN app_user u ON u.id = s.user_id WHERE s.id = $1 AND u.deactivated_at IS NULL`,
  };
  return resumeRead;
}

/** The columns of app_user that the User entity maps. */
function userColumns(em: EntityManager): string[] {
  return em
    .getMetadata(User)
    .props.filter(
      (prop) =>
        prop.persist !== false &&
        (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE),
    )
    .flatMap((prop) => prop.fieldNames);
}

/**
 * Whether a session read with its times is within its idle and absolute lifetimes. One that is
 * not is deleted and its end audited; one that is gets lastSeenAt touched now and then.
 */
async function stillLive(
  em: EntityManager,
  id: string,
  row: SessionTimes & { id: string },
  lifetimes: SessionLifetimes,
): Promise<boolean> {
  const now = Date.now();
  const lastSeenAt = new Date(row.session_last_seen_at).getTime();
  if (
    new Date(row.session_expires_at).getTime() <= now ||
    lastSeenAt + lifetimes.idleTimeoutMs <= now
  ) {
    await em.nativeDelete(Session, { id });
    await recordAudit(em, { action: 'session.expired', targetType: 'user', targetId: row.id });
    return false;
  }
  if (now - lastSeenAt > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(Session, { id }, { lastSeenAt: new Date(now) });
  }
  return true;
}

/** Ends the session behind a cookie token; returns it when there was one. */
export async function endSession(em: EntityManager, token: string): Promise<Session | undefined> {
  const session = await em.findOne(Session, tokenId(token));
  if (!session) return undefined;
  await em.nativeDelete(Session, { id: session.id });
  return session;
}

/**
 * Ends the sessions a back-channel logout names: of one IdP session (`sid`), of one user
 * (`sub`), or that user's sessions of that IdP session. Returns how many ended.
 */
export async function endSessionsOf(
  em: EntityManager,
  issuer: string,
  target: { subject?: string; idpSessionId?: string },
): Promise<number> {
  return em.nativeDelete(Session, {
    user: { issuer, ...(target.subject ? { subject: target.subject } : {}) },
    ...(target.idpSessionId ? { idpSessionId: target.idpSessionId } : {}),
  });
}

/** Ends every session of a user (an admin's action); returns how many ended. */
export async function endUserSessions(em: EntityManager, userId: string): Promise<number> {
  return em.nativeDelete(Session, { user: userId });
}
