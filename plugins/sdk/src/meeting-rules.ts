import {
  type ExplanationParams,
  type MatchCandidate,
  type MatchInput,
  plannedMeetingMinutes,
} from './matching.js';
import { shareWeeklyStart, weeklyStarts } from './weekly-windows.js';

/**
 * The rules the SDK itself words, in the order {@link mayMeet} checks them. A host rule
 * delivered in `input.apart` (such as `reporting-line`) keeps its own key.
 */
export const MEETING_RULES = Object.freeze([
  'same-side',
  'excluded',
  'met-before',
  'forbidden',
  'no-language',
  'same-department',
  'no-common-time',
] as const);

/** A rule key of {@link MEETING_RULES}, or the key of a host rule from `input.apart`. */
export type MeetingRule = (typeof MEETING_RULES)[number] | (string & {});

/** One rule that keeps a group from meeting (or that it had better avoid). */
export interface MeetingReason {
  /** Stable key: one of {@link MEETING_RULES} or a host rule's key from `input.apart`. */
  rule: MeetingRule;
  /** A sentence an admin can read. */
  text: string;
  /** The enrolment ids the rule concerns (a pair, or the whole group). */
  members: string[];
  params?: ExplanationParams;
}

/**
 * The answer of {@link mayMeet}. `ok: false` lists every rule the group breaks, in the order
 * of {@link MEETING_RULES} (host rules after `forbidden`). `avoid` lists the rules the
 * programme lets yield when nothing else works (in a peer lunch: meeting again, one
 * department): a strategy should prefer groups without them.
 */
export type MeetingVerdict =
  | { ok: true; avoid: MeetingReason[] }
  | { ok: false; reasons: MeetingReason[]; avoid: MeetingReason[] };

/** The rules a peer lunch lets yield: repeats once the pool is exhausted, one department. */
const YIELDING_IN_LUNCH: ReadonlySet<string> = new Set(['met-before', 'same-department']);

const OK: MeetingVerdict = Object.freeze({ ok: true, avoid: Object.freeze([]) as never[] });

type ApartEntry = NonNullable<MatchInput['apart']>[number];

/** Pairs of ids looked up from either end without building a key (a round asks many). */
type PairMap<V> = Map<string, Map<string, V>>;

/** What one input's rules need, built once per input (see the cache in {@link mayMeet}). */
interface Rules {
  byId: Map<string, MatchCandidate>;
  /** Enrolment ids an admin forbade to meet. */
  forbidden: PairMap<true>;
  /** Person ids who were partners before. */
  before: PairMap<true>;
  /** Enrolment ids a host rule keeps apart. */
  apart: PairMap<ApartEntry>;
  lunch: boolean;
  differentDepartments: boolean;
  minutes: number | undefined;
  /** Each candidate's weeklyStarts for `minutes`, computed when first asked. */
  starts: Map<MatchCandidate, Uint32Array>;
}

/** The pairs both ways round; of repeated pairs the last counts. */
function pairMap<V>(pairs: readonly (readonly [string, string, V])[]): PairMap<V> {
  const map: PairMap<V> = new Map();
  const set = (a: string, b: string, value: V) => {
    const inner = map.get(a) ?? new Map<string, V>();
    map.set(a, inner.set(b, value));
  };
  for (const [a, b, value] of pairs) {
    set(a, b, value);
    set(b, a, value);
  }
  return map;
}

const cache = new WeakMap<MatchInput, Rules>();

function rulesOf(input: MatchInput): Rules {
  const known = cache.get(input);
  if (known) return known;
  const rules: Rules = {
    byId: new Map(input.candidates.map((c) => [c.enrolmentId, c])),
    forbidden: pairMap(input.forbids.map(([a, b]) => [a, b, true] as const)),
    before: pairMap(input.history.map(([a, b]) => [a, b, true] as const)),
    apart: pairMap((input.apart ?? []).map((e) => [e.members[0], e.members[1], e] as const)),
    lunch: input.programme.kind === 'peer-lunch',
    differentDepartments: input.programme.rules.department === 'different',
    minutes: plannedMeetingMinutes(input),
    starts: new Map(),
  };
  cache.set(input, rules);
  return rules;
}

/**
 * Whether these candidates (two, or three for a lunch group) may meet under the host's rules,
 * and if not, why — the same function the host runs on every proposal (see
 * `matchProposalProblem`), so a strategy that asks it follows the host's rules as they change.
 * The rules, all read from the input:
 *
 * - `same-side`: outside peer lunches, a group needs a mentor and a mentee (`either` is
 *   either);
 * - `excluded`: nobody with someone they excluded (`excludedPersonIds`);
 * - `met-before`: nobody with an earlier partner (`history`);
 * - `forbidden`: no pair an admin forbade (`forbids`);
 * - every host rule in `apart` under its own key (e.g. `reporting-line`), instead of
 *   `forbidden` for a pair it lists;
 * - `no-language`: a language all members speak;
 * - `same-department`: different departments where `rules.department` is `'different'`;
 * - `no-common-time`: where the host plans the meetings (`rules.sessionMinutes`), a weekly time
 *   in everyone's windows for one.
 *
 * In a peer lunch, `met-before` and `same-department` yield: they come as `avoid`, not as
 * reasons. The input is read as it was at the first call (answers are cached per input
 * object): do not change an input between calls.
 *
 * @param enrolmentIds at least two candidates of the input.
 * @throws RangeError for an id that is not a candidate, or fewer than two ids.
 */
export function mayMeet(input: MatchInput, ...enrolmentIds: string[]): MeetingVerdict {
  const rules = rulesOf(input);
  const people: MatchCandidate[] = [];
  for (const id of enrolmentIds) {
    const person = rules.byId.get(id);
    if (!person) throw new RangeError(`mayMeet: ${id} is not a candidate of this input`);
    people.push(person);
  }
  if (people.length < 2) throw new RangeError('mayMeet: a meeting needs at least two people');
  // Reasons are made only where a rule is broken: most groups asked about break none.
  const found: MeetingReason[] = [];
  sideReasons(rules, people, found);
  pairReasons(rules, people, found);
  groupReasons(rules, people, found);
  if (found.length === 0) return OK;
  const reasons: MeetingReason[] = [];
  const avoid: MeetingReason[] = [];
  for (const reason of found)
    (rules.lunch && YIELDING_IN_LUNCH.has(reason.rule) ? avoid : reasons).push(reason);
  return reasons.length ? { ok: false, reasons, avoid } : { ok: true, avoid };
}

/** Outside peer lunches, a group needs someone on each side (`either` takes any). */
function sideReasons(rules: Rules, people: MatchCandidate[], found: MeetingReason[]): void {
  if (rules.lunch) return;
  const [first] = people;
  if (!first || first.role === 'either' || people.some((p) => p.role !== first.role)) return;
  found.push({
    rule: 'same-side',
    text: `All enrolled as ${first.role}s; a tandem needs a mentor and a mentee.`,
    members: people.map((p) => p.enrolmentId),
  });
}

/** The rules between two members, for every pair of the group, grouped by rule. */
function pairReasons(rules: Rules, people: MatchCandidate[], found: MeetingReason[]): void {
  for (const rule of PAIR_RULES)
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) {
        const reason = rule(rules, people[i] as MatchCandidate, people[j] as MatchCandidate);
        if (reason) found.push(reason);
      }
}

type PairRule = (rules: Rules, a: MatchCandidate, b: MatchCandidate) => MeetingReason | undefined;

/** The rules of a pair in their order: exclusion, history, then a forbid or a host rule. */
const PAIR_RULES: readonly PairRule[] = [
  (_, a, b) =>
    a.excludedPersonIds.includes(b.personId) || b.excludedPersonIds.includes(a.personId)
      ? { rule: 'excluded', text: 'One of them asked not to meet the other.', members: ids(a, b) }
      : undefined,
  (rules, a, b) =>
    rules.before.get(a.personId)?.has(b.personId)
      ? { rule: 'met-before', text: 'They have been partners before.', members: ids(a, b) }
      : undefined,
  (rules, a, b) => {
    const apart = rules.apart.get(a.enrolmentId)?.get(b.enrolmentId);
    if (apart)
      return {
        rule: apart.rule,
        text: apart.why,
        members: ids(a, b),
        ...(apart.params && { params: apart.params }),
      };
    return rules.forbidden.get(a.enrolmentId)?.has(b.enrolmentId)
      ? {
          rule: 'forbidden',
          text: 'An admin ruled out that they share a group.',
          members: ids(a, b),
        }
      : undefined;
  },
];

const ids = (...people: MatchCandidate[]) => people.map((p) => p.enrolmentId);

/**
 * When a meeting of the programme's length could start in this person's windows: what
 * `canMeetWeekly` asks of a group, read once per person (a round asks about many pairs).
 */
function startsOf(rules: Rules, person: MatchCandidate): Uint32Array {
  const known = rules.starts.get(person);
  if (known) return known;
  const starts = weeklyStarts(person.profile.availability, rules.minutes ?? 0);
  rules.starts.set(person, starts);
  return starts;
}

/** The rules about the whole group: a common language, departments, a common time. */
function groupReasons(rules: Rules, people: MatchCandidate[], found: MeetingReason[]): void {
  if (!shareLanguage(people))
    found.push({ rule: 'no-language', text: 'They share no language.', members: ids(...people) });
  const shared = rules.differentDepartments ? sharedDepartment(people) : undefined;
  if (shared !== undefined)
    found.push({
      rule: 'same-department',
      text: `The programme asks for different departments; ${shared} is there twice.`,
      members: ids(...people),
      params: { department: shared },
    });
  if (rules.minutes !== undefined && !shareWeeklyStart(people.map((p) => startsOf(rules, p))))
    found.push({
      rule: 'no-common-time',
      text: `They have no weekly time in common for a ${rules.minutes}-minute meeting.`,
      members: ids(...people),
      params: { minutes: rules.minutes },
    });
}

/** Whether one language is spoken by all. */
function shareLanguage(people: MatchCandidate[]): boolean {
  const languages = people[0]?.profile.languages ?? [];
  for (const language of languages) {
    let all = true;
    for (let i = 1; i < people.length && all; i++)
      all = people[i]?.profile.languages.includes(language) ?? false;
    if (all) return true;
  }
  return false;
}

/** The first department (in the order of the people) that someone before had already. */
function sharedDepartment(people: MatchCandidate[]): string | undefined {
  for (let i = 0; i < people.length; i++) {
    const department = people[i]?.profile.department;
    if (!department) continue;
    for (let j = 0; j < i; j++) if (people[j]?.profile.department === department) return department;
  }
  return undefined;
}
