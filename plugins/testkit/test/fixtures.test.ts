import { Value } from '@sinclair/typebox/value';
import {
  type MatchCandidate,
  MatchCandidateSchema,
  MatchInputSchema,
  type ProgrammeKind,
} from '@tandem/plugin-sdk';
import t from 'tap';
import {
  candidate,
  DEFAULT_MATCH_WEIGHTS,
  DIGITAL_SKILLS,
  generateCandidates,
  generateMatchInput,
  ORGANISATION_SKILLS,
} from '../src/index.js';

const KINDS: ProgrammeKind[] = ['reverse-mentoring', 'classic-mentoring', 'peer-lunch'];
const digital: readonly string[] = DIGITAL_SKILLS;
const organisational: readonly string[] = ORGANISATION_SKILLS;

function firstError(value: unknown): string | undefined {
  const error = Value.Errors(MatchInputSchema, value).First();
  return error && `${error.path}: ${error.message}`;
}

t.test('every generated input fits MatchInputSchema', async (t) => {
  for (const kind of KINDS)
    for (const count of [0, 1, 2, 7, 50])
      for (const seed of [1, 2, 3, 99, -5])
        t.equal(
          firstError(generateMatchInput({ count, seed, kind })),
          undefined,
          `${kind} ${count} #${seed}`,
        );
  const candidates = generateCandidates({ count: 300, seed: 11 });
  t.ok(candidates.every((c) => Value.Check(MatchCandidateSchema, c)));
});

t.test('the same options give the same candidates; another seed others', async (t) => {
  t.same(generateCandidates({ count: 30, seed: 4 }), generateCandidates({ count: 30, seed: 4 }));
  t.notSame(generateCandidates({ count: 30, seed: 4 }), generateCandidates({ count: 30, seed: 5 }));
  t.same(
    generateMatchInput({ count: 30, seed: 4 }).candidates,
    generateCandidates({ count: 30, seed: 4 }),
    'the input holds exactly the candidates generateCandidates makes',
  );
  const ids = generateCandidates({ count: 12, seed: 1 }).map((c) => c.enrolmentId);
  t.equal(ids[0], 'enrolment-001');
  t.equal(new Set(ids).size, 12, 'ids are unique');
});

t.test('reverse mentoring: young digital mentors, senior mentees', async (t) => {
  const candidates = generateCandidates({ count: 200, seed: 8, kind: 'reverse-mentoring' });
  const mentors = candidates.filter((c) => c.role === 'mentor');
  const mentees = candidates.filter((c) => c.role === 'mentee');
  t.equal(mentors.length, 80, 'mentorShare 0.4 by default');
  t.equal(mentees.length, 120);
  t.ok(
    mentors.every((c) => years(c) >= 1 && years(c) <= 8),
    'mentors have 1–8 years',
  );
  t.ok(
    mentees.every((c) => years(c) >= 15 && years(c) <= 35),
    'mentees have 15–35 years',
  );
  t.ok(mentors.every((c) => c.profile.skillsOffered.every((s) => digital.includes(s))));
  t.ok(mentors.every((c) => c.profile.skillsWanted.every((s) => organisational.includes(s))));
  t.ok(mentees.every((c) => c.profile.skillsOffered.every((s) => organisational.includes(s))));
  t.ok(mentees.every((c) => c.profile.skillsWanted.length >= 2));
  t.ok(
    mentors.every((c) => c.capacity === 1 || c.capacity === 2),
    'mentors take 1 or 2',
  );
  t.ok(mentors.some((c) => c.capacity === 2));
  t.ok(mentees.every((c) => c.capacity === 1));
  t.ok(
    candidates.every((c) => c.profile.goals.length > 0 && c.profile.title && c.profile.department),
  );
});

t.test('classic mentoring turns it round; peer lunches have everyone as either', async (t) => {
  const classic = generateCandidates({ count: 100, seed: 2, kind: 'classic-mentoring' });
  t.ok(classic.filter((c) => c.role === 'mentor').every((c) => years(c) >= 15));
  t.ok(classic.filter((c) => c.role === 'mentee').every((c) => years(c) <= 8));
  const lunch = generateCandidates({ count: 40, seed: 2, kind: 'peer-lunch', mentorShare: 0.9 });
  t.ok(lunch.every((c) => c.role === 'either' && c.capacity === 1));
  t.equal(generateCandidates({ count: 10, seed: 1, mentorShare: 0 }).filter(isMentor).length, 0);
  t.equal(generateCandidates({ count: 10, seed: 1, mentorShare: 1 }).filter(isMentor).length, 10);
  t.equal(generateCandidates({ count: 9, seed: 1, mentorShare: 0.5 }).filter(isMentor).length, 5);
});

t.test('profiles look like an agency: German first, sites, office hours', async (t) => {
  const candidates = generateCandidates({ count: 500, seed: 21 });
  const share = (test: (c: MatchCandidate) => boolean) =>
    candidates.filter(test).length / candidates.length;
  t.ok(share((c) => c.profile.languages.includes('de')) > 0.9, 'mostly German');
  const withEnglish = share((c) => c.profile.languages.includes('en'));
  t.ok(withEnglish > 0.4 && withEnglish < 0.8, `many also English (${withEnglish})`);
  t.ok(
    share((c) => c.profile.location === 'Berlin') > share((c) => c.profile.location === 'Hamburg'),
  );
  t.ok(
    candidates.every((c) => c.profile.format === 'remote' || c.profile.location !== undefined),
    'whoever meets on site has a site',
  );
  const windows = candidates.flatMap((c) => c.profile.availability);
  t.ok(
    windows.every((w) => w.weekday >= 1 && w.weekday <= 5),
    'weekdays only',
  );
  t.ok(windows.every((w) => w.from >= '08:00' && w.to <= '18:00' && w.from < w.to));
  t.ok(
    candidates.every(
      (c) =>
        new Set(c.profile.availability.map((w) => w.weekday)).size ===
        c.profile.availability.length,
    ),
  );
  t.ok(
    candidates.every((c) =>
      c.profile.skillsOffered.every((s) => !c.profile.skillsWanted.includes(s)),
    ),
  );
});

t.test('some people exclude a colleague who is also a candidate, never themselves', async (t) => {
  const candidates = generateCandidates({ count: 300, seed: 5 });
  const people = new Set(candidates.map((c) => c.personId));
  const excluding = candidates.filter((c) => c.excludedPersonIds.length > 0);
  t.ok(excluding.length > 5 && excluding.length < 50, `${excluding.length} of 300 exclude someone`);
  t.ok(
    excluding.every((c) => c.excludedPersonIds.every((id) => people.has(id) && id !== c.personId)),
  );
  t.same(
    generateCandidates({ count: 1, seed: 5 })[0]?.excludedPersonIds,
    [],
    'alone, nobody to exclude',
  );
});

t.test('the input: programme with weights, some history, no pins or forbids', async (t) => {
  const input = generateMatchInput({ count: 30, seed: 9 });
  t.same(input.programme, {
    id: 'programme-1',
    kind: 'reverse-mentoring',
    weights: { ...DEFAULT_MATCH_WEIGHTS },
    rules: {},
  });
  t.equal(input.seed, 9);
  t.same(input.pins, []);
  t.same(input.forbids, []);
  t.ok(input.history.length > 0 && input.history.length <= 5, 'about one in six has met before');
  const people = new Set(input.candidates.map((c) => c.personId));
  t.ok(input.history.every(([a, b]) => people.has(a) && people.has(b) && a < b));
  t.same(generateMatchInput({ count: 30, seed: 9 }), input, 'deterministic');
  const given = generateMatchInput({
    count: 4,
    seed: 1,
    kind: 'peer-lunch',
    programmeId: 'lunch-7',
    weights: { skills: 1 },
    rules: { crossDepartment: true },
    history: [],
    pins: [{ members: ['enrolment-001', 'enrolment-002'] }],
    forbids: [['enrolment-003', 'enrolment-004']],
  });
  t.same(given.programme, {
    id: 'lunch-7',
    kind: 'peer-lunch',
    weights: { skills: 1 },
    rules: { crossDepartment: true },
  });
  t.same(given.history, []);
  t.same(given.pins, [{ members: ['enrolment-001', 'enrolment-002'] }]);
  t.same(given.forbids, [['enrolment-003', 'enrolment-004']]);
  t.same(
    generateMatchInput({ count: 12, seed: 1, mentorShare: 0 }).history,
    [],
    'no mentors, no history',
  );
});

t.test('bad options are refused', async (t) => {
  t.throws(() => generateCandidates({ count: -1, seed: 1 }), RangeError);
  t.throws(() => generateCandidates({ count: 2.5, seed: 1 }), RangeError);
  t.throws(() => generateCandidates({ count: 2, seed: 1, mentorShare: 1.5 }), /mentorShare/);
  t.throws(() => generateCandidates({ count: 2, seed: 1, mentorShare: Number.NaN }), /mentorShare/);
});

function years(candidate: MatchCandidate): number {
  return candidate.profile.experienceYears ?? -1;
}

function isMentor(candidate: MatchCandidate): boolean {
  return candidate.role === 'mentor';
}

t.test('a hand-made candidate is valid and has what the test set', async (t) => {
  const lena = candidate('lena', {
    role: 'mentor',
    capacity: 2,
    profile: { skillsOffered: ['e-file'] },
  });
  t.ok(Value.Check(MatchCandidateSchema, lena), 'fits the SDK schema');
  t.match(lena, {
    enrolmentId: 'lena',
    personId: 'person-lena',
    role: 'mentor',
    capacity: 2,
    profile: { skillsOffered: ['e-file'], languages: ['de'], format: 'both' },
  });
  t.equal(candidate('x').role, 'either');
});
