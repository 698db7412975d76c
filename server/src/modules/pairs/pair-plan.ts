import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@sinclair/typebox';
import {
  type GlossaryEntry,
  type Locale,
  type SessionPlan,
  SessionPlanSchema,
} from '@tandem/plugin-sdk';
import type { PersonalRead, ReadAs } from '../../auth/personal-read.js';
import { type PreparedRead, preparedRows } from '../../db/prepared-read.js';
import type { Log } from '../../logger.js';
import { invokePlugin } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { CURRICULUM_TIME_LIMIT_MS, glossaryOf } from '../curricula/curriculum-gallery.js';
import { Match } from '../matching/match.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { type Membership, membership } from './pair-membership.js';
import type { PairSessionView, PairView } from './pair-schemas.js';
import { type HomeworkItem, PairSession, type SessionTranslations } from './pair-session.js';

type Side = 'mentor' | 'mentee';

export interface PairPlanDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
}

/** The languages a plan's texts are asked for: each member reads the plan in their own. */
const LOCALES: readonly Locale[] = ['de', 'en'];

/**
 * Gives a published pair its own plan: the sessions of its programme's curriculum, in the
 * pair's language, copied so that the pair can tailor them while the template stays intact;
 * the curriculum's texts in every language go with each session, so a member who reads
 * English sees the plan in English though the pair's language is German. A pair that has a
 * plan keeps it.
 *
 * @returns how many sessions the pair has.
 * @throws ServiceError not-found for an unknown match, conflict when its curriculum is not active;
 *   PluginCallError when the curriculum fails to answer.
 */
export async function createPairPlan(deps: PairPlanDependencies, matchId: string): Promise<number> {
  const em = deps.em.fork();
  const [pair] = await em.execute<PairFacts[]>(PAIR_FACTS, [matchId]);
  if (!pair) throw new ServiceError('not-found', 'No such pair.');
  if (pair.sessions) return pair.sessions;
  const curriculum = deps.plugins.get('curriculum', pair.curriculum);
  if (!curriculum)
    throw new ServiceError('conflict', `The curriculum ${pair.curriculum} is not active.`);
  const locale = pairLocale(pair.locales);
  const { definition, config } = curriculum;
  const ctx = pluginContext({ name: definition.name, config }, { em, log: deps.log });
  const goals = programmeSettings({
    matchingStrategy: pair.matching_strategy,
    settings: pair.settings,
  }).goals;
  const plan = (language: Locale) =>
    invokePlugin<SessionPlan[]>({
      plugin: definition.name,
      operation: 'sessions',
      timeoutMs: CURRICULUM_TIME_LIMIT_MS,
      output: Type.Array(SessionPlanSchema),
      call: () =>
        definition.sessions(
          language,
          { id: pair.programme_id, kind: pair.kind, goals, language: locale },
          ctx,
        ),
    });
  const plans = await plan(locale);
  const versions = new Map<Locale, SessionPlan[]>();
  for (const language of LOCALES)
    versions.set(language, language === locale ? plans : await plan(language));
  const match = em.getReference(Match, matchId);
  for (const [position, session] of plans.entries())
    em.create(PairSession, fromPlan(match, session, position, translationsOf(versions, position)));
  await em.flush();
  return plans.length;
}

/** What a pair's plan is made from, read by {@link PAIR_FACTS}. */
interface PairFacts {
  programme_id: string;
  kind: Programme['kind'];
  curriculum: string;
  matching_strategy: string;
  settings: Record<string, unknown>;
  /** How many sessions the pair's plan has already. */
  sessions: number;
  /** Each member's chosen language, if any. */
  locales: (Locale | null)[];
}

/**
 * The pair's programme, members' languages and sessions so far in one plain read: loading the
 * pair as entities (programme, members, enrolments, people) cost every plan job of a large
 * programme more than writing its plan.
 */
const PAIR_FACTS = `SELECT p.id AS programme_id, p.kind, p.curriculum, p.matching_strategy, p.settings,
    (SELECT count(*)::int FROM pair_session s WHERE s.match_id = m.id) AS sessions,
    ARRAY(SELECT u.locale FROM match_member mm
      JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id = m.id) AS locales
  FROM match m JOIN programme p ON p.id = m.programme_id WHERE m.id = ?`;

/**
 * The texts of the session at `position` in every language, field by field. A field is left
 * out where the curriculum's versions do not line up (a different number of sessions, agenda
 * steps or tasks), so no member reads another session's text in their language.
 */
function translationsOf(
  versions: ReadonlyMap<Locale, SessionPlan[]>,
  position: number,
): { translations: SessionTranslations; homework: Record<Side, HomeworkTexts> } {
  const lengths = new Set([...versions.values()].map((plans) => plans.length));
  const sessions = [...versions].flatMap(([language, plans]) => {
    const session = plans[position];
    return session ? [[language, session] as const] : [];
  });
  const complete = lengths.size === 1 && sessions.length === versions.size;
  const field = <T>(pick: (session: SessionPlan) => T, sameShape = (_: T, __: T) => true) => {
    const values = sessions.map(([language, session]) => [language, pick(session)] as const);
    const [first] = values;
    if (!complete || !first || !values.every(([, value]) => sameShape(value, first[1])))
      return undefined;
    return Object.fromEntries(values) as Partial<Record<Locale, T>>;
  };
  const sameLength = (a: unknown[], b: unknown[]) => a.length === b.length;
  const translations: SessionTranslations = {};
  const title = field((s) => s.title);
  const goal = field((s) => s.goal);
  const agenda = field((s) => s.agenda, sameLength);
  const tutorials = field((s) => s.tutorials, sameLength);
  if (title) translations.title = title;
  if (goal) translations.goal = goal;
  if (agenda) translations.agenda = agenda;
  if (tutorials) translations.tutorials = tutorials;
  return {
    translations,
    homework: {
      mentor: field((s) => s.homework.mentor, sameLength) ?? {},
      mentee: field((s) => s.homework.mentee, sameLength) ?? {},
    },
  };
}

/**
 * The glossary of the pair's curriculum in the pair's language, for the Q&A game; empty when
 * the curriculum has none or is no longer active.
 *
 * @throws ServiceError not-found for someone outside the pair.
 */
export async function pairGlossary(
  deps: PairPlanDependencies,
  userId: string,
  matchId: string,
): Promise<GlossaryEntry[]> {
  const em = deps.em.fork();
  const { match } = await membership(em, userId, matchId);
  const curriculum = deps.plugins.get('curriculum', match.programme.curriculum);
  return curriculum
    ? glossaryOf({ ...deps, em }, curriculum, pairLocale(membersLocales(match)))
    : [];
}

/** The pair with its plan, for one of its members. @throws ServiceError not-found. */
export async function getPair(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<PairView> {
  const fork = em.fork();
  return pairView(fork, await membership(fork, userId, matchId), userId);
}

/**
 * A plan session as the overview shows it ({@link PairSessionView}), built by PostgreSQL from
 * `s` (a pair_session) and `f` (the person's feedback on it, if any).
 */
const SESSION_VIEW_SQL = `json_build_object('id', s.id, 'position', s.position, 'title', s.title,
    'goal', s.goal, 'agenda', s.agenda, 'tutorials', s.tutorials, 'homework', s.homework,
    'translations', s.translations, 'durationMinutes', s.duration_minutes, 'offsetWeeks', s.offset_weeks,
    'milestone', s.milestone, 'status', s.status, 'addedByPair', s.added_by_pair,
    'myFeedback', CASE WHEN f.rating IS NULL THEN NULL
      ELSE json_build_object('rating', f.rating, 'comment', f.comment) END)`;

/** The plan of match `m` in order, with the feedback of the person whose id is `person`. */
const planSql = (
  person: string,
) => `(SELECT coalesce(json_agg(${SESSION_VIEW_SQL} ORDER BY s.position), '[]')
    FROM pair_session s
    LEFT JOIN session_feedback f ON f.session_id = s.id AND f.author_id = ${person}
    WHERE s.match_id = m.id)`;

/** One member of one of the person's pairs, as {@link MY_PAIRS} reads it. */
interface MemberRow {
  id: string;
  /** Text, read through JSON (see answerOf in personal-read.ts). */
  stale_since: string | null;
  programme_id: string;
  programme_name: string;
  programme_kind: PairView['programme']['kind'];
  user_id: string;
  role: PairView['myRole'];
  name: string;
  department: string | null;
  title: string | null;
  /** The plan, on the person's own row only: once per pair is enough. */
  sessions: PairSessionView[] | null;
}

/** The person's id in {@link MY_PAIRS}. */
const ME = '(SELECT id FROM me)';

/**
 * The person's pairs, a personal read. Prepared: PostgreSQL took longer to plan it than to run
 * it.
 */
const MY_PAIRS: PersonalRead = {
  name: 'tandem_my_pairs',
  text: `SELECT m.id, m.stale_since, p.id AS programme_id, p.name AS programme_name,
    p.kind AS programme_kind, e.user_id, mm.role, u.name, u.department, u.title,
    CASE WHEN e.user_id = ${ME} THEN ${planSql(ME)} END AS sessions
  FROM match m
  JOIN programme p ON p.id = m.programme_id
  JOIN match_member mm ON mm.match_id = m.id
  JOIN enrolment e ON e.id = mm.enrolment_id
  JOIN app_user u ON u.id = e.user_id
  WHERE m.state = 'published' AND m.id IN (
    SELECT mine.match_id FROM match_member mine
    JOIN enrolment my ON my.id = mine.enrolment_id
    WHERE my.user_id = ${ME})
  ORDER BY m.published_at DESC, m.id, mm.id`,
};

/**
 * The published pairs a person is in, each with its plan: one prepared statement however many
 * pairs, the plans built as JSON by PostgreSQL. The home page asks for this on every visit;
 * entities would cost more than the query, and every further round trip costs about as much
 * as the query itself.
 */
export async function listMyPairs(readAs: ReadAs): Promise<PairView[]> {
  const { user, rows } = await readAs<MemberRow>(MY_PAIRS);
  const userId = user.id;
  const pairs = new Map<string, PairView>();
  for (const row of rows) {
    const pair = pairs.get(row.id) ?? pairOf(row);
    pairs.set(row.id, pair);
    if (row.user_id === userId) {
      pair.myRole = row.role;
      pair.sessions = row.sessions ?? [];
    } else
      pair.partners.push({
        name: row.name,
        department: row.department,
        title: row.title,
        role: row.role,
      });
  }
  return [...pairs.values()];
}

/** A pair without partners and plan yet: the person's own row sets role and plan. */
function pairOf(row: MemberRow): PairView {
  return {
    id: row.id,
    programme: { id: row.programme_id, name: row.programme_name, kind: row.programme_kind },
    myRole: row.role,
    partners: [],
    staleSince: row.stale_since === null ? null : new Date(row.stale_since).toISOString(),
    sessions: [],
  };
}

/** One pair's plan: `$1` the person's id, `$2` the match's. */
const PAIR_PLAN: PreparedRead = {
  name: 'tandem_pair_plan',
  text: `SELECT ${planSql('$1')} AS sessions FROM match m WHERE m.id = $2`,
};

export async function pairView(
  em: EntityManager,
  pair: Membership,
  userId: string,
): Promise<PairView> {
  const [row] = await preparedRows<{ sessions: PairSessionView[] }>(em, PAIR_PLAN, [
    userId,
    pair.match.id,
  ]);
  return viewOf(pair, row?.sessions ?? []);
}

function viewOf({ match, me, partners }: Membership, sessions: PairSessionView[]): PairView {
  return {
    id: match.id,
    programme: { id: match.programme.id, name: match.programme.name, kind: match.programme.kind },
    myRole: me.role,
    partners: partners.map(({ role, enrolment: { user } }) => ({
      name: user.name,
      department: user.department ?? null,
      title: user.title ?? null,
      role,
    })),
    staleSince: match.staleSince?.toISOString() ?? null,
    sessions,
  };
}

/** English when every partner chose English, German otherwise: the organisation's language. */
function pairLocale(locales: readonly (Locale | null | undefined)[]): Locale {
  return locales.length > 0 && locales.every((locale) => locale === 'en') ? 'en' : 'de';
}

function membersLocales(match: Match): (Locale | null | undefined)[] {
  return match.members.getItems().map((member) => member.enrolment.user.locale);
}

/** A side's tasks in every language, task by task. */
type HomeworkTexts = Partial<Record<Locale, string[]>>;

function fromPlan(
  match: Match,
  plan: SessionPlan,
  position: number,
  { translations, homework }: ReturnType<typeof translationsOf>,
) {
  const items = (texts: string[], side: Side): HomeworkItem[] =>
    texts.map((text, index) => {
      const versions = Object.entries(homework[side]).flatMap(([language, tasks]) =>
        tasks?.[index] === undefined ? [] : [[language, tasks[index]]],
      );
      return versions.length
        ? { text, done: false, texts: Object.fromEntries(versions) }
        : { text, done: false };
    });
  return {
    match,
    position,
    title: plan.title,
    goal: plan.goal,
    agenda: plan.agenda,
    tutorials: plan.tutorials,
    translations,
    homework: {
      mentor: items(plan.homework.mentor, 'mentor'),
      mentee: items(plan.homework.mentee, 'mentee'),
    },
    durationMinutes: plan.durationMinutes,
    offsetWeeks: plan.offsetWeeks,
    milestone: plan.milestone ?? null,
  };
}
