import {
  type ConfigOf,
  defineMatchingStrategy,
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  type PluginContext,
  Type,
} from '@tandem/plugin-sdk';

const configSchema = Type.Object({
  minShared: Type.Integer({
    minimum: 1,
    default: 1,
    description: 'How many wanted skills a mentor must offer at least.',
  }),
});

/** The settings as Tandem hands them over: typed from the schema, so they cannot drift apart. */
type Config = ConfigOf<typeof configSchema>;
type Group = MatchProposal['groups'][number];

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export default defineMatchingStrategy({
  name: 'shared-skills-ts',
  version: '1.0.0',
  host: '^0.1.0',
  configSchema,

  match(input: MatchInput, ctx: PluginContext<Config>): MatchProposal {
    const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
    const load = new Map<string, number>(); // enrolmentId → groups so far
    const place = (c: MatchCandidate) =>
      load.set(c.enrolmentId, (load.get(c.enrolmentId) ?? 0) + 1);
    const groups: Group[] = [];

    // Pins first: an admin put a mentor and a mentee together.
    for (const pin of input.pins) {
      const members = pin.members.flatMap((id) => byId.get(id) ?? []);
      const mentee = members.find((c) => c.role === 'mentee') ?? members[1];
      const mentor = members.find((c) => c !== mentee);
      if (!mentor || !mentee) continue;
      groups.push(pair(mentor, mentee, 100, 'Pinned by an admin.'));
      place(mentor);
      place(mentee);
    }

    const mayMeet = meetingRules(input);
    const options = [];
    for (const mentor of input.candidates.filter((c) => c.role !== 'mentee'))
      for (const mentee of input.candidates.filter((c) => c.role === 'mentee')) {
        const shared = sharedSkills(mentor, mentee);
        if (shared.length >= ctx.config.minShared && mayMeet(mentor, mentee))
          options.push({ mentor, mentee, shared });
      }
    options.sort(
      (a, b) =>
        b.shared.length - a.shared.length ||
        compare(a.mentor.enrolmentId, b.mentor.enrolmentId) ||
        compare(a.mentee.enrolmentId, b.mentee.enrolmentId),
    );

    for (const { mentor, mentee, shared } of options) {
      if ((load.get(mentor.enrolmentId) ?? 0) >= mentor.capacity) continue;
      if (load.has(mentee.enrolmentId)) continue;
      const score = Math.min(100, 40 + 20 * shared.length);
      groups.push(pair(mentor, mentee, score, `Offers what is wanted: ${shared.join(', ')}.`));
      place(mentor);
      place(mentee);
    }

    const unmatched = input.candidates
      .filter((c) => !load.has(c.enrolmentId))
      .map((c) => ({
        enrolmentId: c.enrolmentId,
        reason:
          c.role === 'mentee'
            ? 'No mentor with room offers the skills wanted.'
            : 'No mentee wants the skills offered.',
      }));
    ctx.log.info('matched', { groups: groups.length, unmatched: unmatched.length });
    return { groups, unmatched };
  },
});

/** The skills the mentor offers that the mentee wants. */
export function sharedSkills(mentor: MatchCandidate, mentee: MatchCandidate): string[] {
  return mentor.profile.skillsOffered.filter((skill) =>
    mentee.profile.skillsWanted.includes(skill),
  );
}

/** Who may meet: a shared language, nobody excluded, not partners before, not forbidden. */
function meetingRules(input: MatchInput) {
  const forbidden = new Set(input.forbids.map(([a, b]) => key(a, b)));
  const before = new Set(input.history.map(([a, b]) => key(a, b)));
  return (mentor: MatchCandidate, mentee: MatchCandidate) =>
    mentor.profile.languages.some((l) => mentee.profile.languages.includes(l)) &&
    !mentor.excludedPersonIds.includes(mentee.personId) &&
    !mentee.excludedPersonIds.includes(mentor.personId) &&
    !before.has(key(mentor.personId, mentee.personId)) &&
    !forbidden.has(key(mentor.enrolmentId, mentee.enrolmentId));
}

function pair(mentor: MatchCandidate, mentee: MatchCandidate, score: number, why: string): Group {
  return {
    members: [
      { enrolmentId: mentor.enrolmentId, role: 'mentor' },
      { enrolmentId: mentee.enrolmentId, role: 'mentee' },
    ],
    score,
    criteria: [{ name: 'skills', score, weight: 1, why }],
  };
}
