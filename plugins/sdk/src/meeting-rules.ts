import {
  type ExplanationParams,
  type MatchCandidate,
  type MatchInput,
  plannedMeetingMinutes,
} from './matching.js';
import { canMeetWeekly } from './weekly-windows.js';

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

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** What one input's rules need, built once per input (see the cache in {@link mayMeet}). */
interface Rules {
  byId: Map<string, MatchCandidate>;
  forbidden: Set<string>;
  before: Set<string>;
  apart: Map<string, NonNullable<MatchInput['apart']>[number]>;
  lunch: boolean;
  differentDepartments: boolean;
  minutes: number | undefined;
}

const cache = new WeakMap<MatchInput, Rules>();

function rulesOf(input: MatchInput): Rules {
  const known = cache.get(input);
  if (known) return known;
  const rules: Rules = {
    byId: new Map(input.candidates.map((c) => [c.enrolmentId, c])),
    forbidden: new Set(input.forbids.map(([a, b]) => key(a, b))),
    before: new Set(input.history.map(([a, b]) => key(a, b))),
    apart: new Map((input.apart ?? []).map((entry) => [key(...entry.members), entry])),
    lunch: input.programme.kind === 'peer-lunch',
    differentDepartments: input.programme.rules.department === 'different',
    minutes: plannedMeetingMinutes(input),
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
  const people = enrolmentIds.map((id) => {
    const person = rules.byId.get(id);
    if (!person) throw new RangeError(`mayMeet: ${id} is not a candidate of this input`);
    return person;
  });
  if (people.length < 2) throw new RangeError('mayMeet: a meeting needs at least two people');
  const found = [
    ...sideReasons(rules, people),
    ...pairReasons(rules, people),
    ...groupReasons(rules, people),
  ];
  if (found.length === 0) return OK;
  const yields = (r: MeetingReason) => rules.lunch && YIELDING_IN_LUNCH.has(r.rule);
  const reasons = found.filter((r) => !yields(r));
  const avoid = found.filter(yields);
  return reasons.length ? { ok: false, reasons, avoid } : { ok: true, avoid };
}

/** Outside peer lunches, a group needs someone on each side (`either` takes any). */
function sideReasons(rules: Rules, people: MatchCandidate[]): MeetingReason[] {
  if (rules.lunch) return [];
  const [first] = people;
  if (!first || first.role === 'either' || people.some((p) => p.role !== first.role)) return [];
  return [
    {
      rule: 'same-side',
      text: `All enrolled as ${first.role}s; a tandem needs a mentor and a mentee.`,
      members: people.map((p) => p.enrolmentId),
    },
  ];
}

/** The rules between two members, for every pair of the group, grouped by rule. */
function pairReasons(rules: Rules, people: MatchCandidate[]): MeetingReason[] {
  const byRule: MeetingReason[][] = [[], [], []];
  for (let i = 0; i < people.length; i++)
    for (let j = i + 1; j < people.length; j++) {
      const [a, b] = [people[i], people[j]] as [MatchCandidate, MatchCandidate];
      pairRules(rules, a, b).forEach((reason, k) => {
        if (reason) byRule[k]?.push(reason);
      });
    }
  return byRule.flat();
}

/** The pair's broken rules: exclusion, history, then a forbid or a host rule. */
function pairRules(
  rules: Rules,
  a: MatchCandidate,
  b: MatchCandidate,
): (MeetingReason | undefined)[] {
  const members = [a.enrolmentId, b.enrolmentId];
  const pair = key(a.enrolmentId, b.enrolmentId);
  const apart = rules.apart.get(pair);
  return [
    a.excludedPersonIds.includes(b.personId) || b.excludedPersonIds.includes(a.personId)
      ? { rule: 'excluded', text: 'One of them asked not to meet the other.', members }
      : undefined,
    rules.before.has(key(a.personId, b.personId))
      ? { rule: 'met-before', text: 'They have been partners before.', members }
      : undefined,
    apart
      ? {
          rule: apart.rule,
          text: apart.why,
          members,
          ...(apart.params && { params: apart.params }),
        }
      : rules.forbidden.has(pair)
        ? { rule: 'forbidden', text: 'An admin ruled out that they share a group.', members }
        : undefined,
  ];
}

/** The rules about the whole group: a common language, departments, a common time. */
function groupReasons(rules: Rules, people: MatchCandidate[]): MeetingReason[] {
  const members = people.map((p) => p.enrolmentId);
  const found: MeetingReason[] = [];
  const [first, ...rest] = people;
  const languages = first?.profile.languages.filter((l) =>
    rest.every((p) => p.profile.languages.includes(l)),
  );
  if (!languages?.length)
    found.push({ rule: 'no-language', text: 'They share no language.', members });
  const departments = people.flatMap((p) => (p.profile.department ? [p.profile.department] : []));
  const shared = departments.find((d, i) => departments.indexOf(d) !== i);
  if (rules.differentDepartments && shared !== undefined)
    found.push({
      rule: 'same-department',
      text: `The programme asks for different departments; ${shared} is there twice.`,
      members,
      params: { department: shared },
    });
  if (
    rules.minutes !== undefined &&
    !canMeetWeekly(
      people.map((p) => p.profile.availability),
      rules.minutes,
    )
  )
    found.push({
      rule: 'no-common-time',
      text: `They have no weekly time in common for a ${rules.minutes}-minute meeting.`,
      members,
      params: { minutes: rules.minutes },
    });
  return found;
}
