import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../modules/audit/audit-log.js';
import type { User } from '../modules/users/user.js';
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

/**
 * The signed-in user behind a cookie token, or undefined. A session past its idle or absolute
 * lifetime is deleted and its end audited, once.
 */
export async function resumeSession(
  em: EntityManager,
  token: string,
  lifetimes: SessionLifetimes,
): Promise<User | undefined> {
  const session = await em.findOne(Session, tokenId(token), { populate: ['user'] });
  if (!session) return undefined;
  const now = Date.now();
  if (
    session.expiresAt.getTime() <= now ||
    session.lastSeenAt.getTime() + lifetimes.idleTimeoutMs <= now
  ) {
    await em.nativeDelete(Session, { id: session.id });
    await recordAudit(em, {
      action: 'session.expired',
      targetType: 'user',
      targetId: session.user.id,
    });
    return undefined;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date(now) });
  }
  return session.user;
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
