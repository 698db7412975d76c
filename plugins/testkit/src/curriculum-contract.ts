import { Type } from '@sinclair/typebox';
import {
  type ConfigSchema,
  type Curriculum,
  type CurriculumProgramme,
  type GlossaryEntry,
  GlossaryEntrySchema,
  type Locale,
  type Milestone,
  type ProgrammeDefaults,
  type ProgrammeKind,
  type SessionPlan,
  SessionPlanSchema,
} from '@tandem/plugin-sdk';
import {
  type ContractCheck,
  ContractViolation,
  contractCheck,
  pluginCall,
} from './contract-check.js';
import { type PluginConfigInput, prepareConfig } from './plugin-config.js';
import { schemaProblem } from './schema-problem.js';
import { createTestContext } from './test-context.js';

/** Options of {@link curriculumContract}. */
export interface CurriculumContractOptions<S extends ConfigSchema> {
  /** The configuration to run with; defaults from `configSchema` fill the rest. */
  config?: PluginConfigInput<S>;
  /** The goals of the programme passed to `sessions()`; two typical ones when omitted. */
  goals?: readonly string[];
}

/** The shortest and longest session a curriculum may plan, in minutes. */
export const SESSION_MINUTES = Object.freeze({ min: 15, max: 480 });

const LOCALES: readonly Locale[] = ['de', 'en'];
const SessionPlansSchema = Type.Array(SessionPlanSchema);
const GlossarySchema = Type.Array(GlossaryEntrySchema);
const DEFAULT_GOALS = ['KI-Assistenten im Alltag nutzen', 'Die E-Akte sicher beherrschen'];

/** What the checks look at: one kind, one language, its plan and the curriculum's defaults. */
interface Planned {
  kind: ProgrammeKind;
  locale: Locale;
  sessions: SessionPlan[];
  defaults: ProgrammeDefaults;
}

/** A rule every plan of a kind must keep, in each language. */
interface PlanRule {
  name: string;
  /** Whether the rule holds for a kind; every kind when omitted. */
  appliesTo?: (kind: ProgrammeKind) => boolean;
  /** What is wrong with the plan, as the end of a sentence, or `undefined` when nothing is. */
  problem(planned: Planned): string | undefined;
}

/**
 * The contract of a curriculum as checks for any test framework, for every kind in
 * `curriculum.kinds` and both languages: `sessions()` fits `SessionPlanSchema`, plans at least
 * one and exactly `defaults.sessionCount` sessions, gives mentor and mentee homework (mentoring
 * kinds), keeps offsets in order and within `cadenceWeeks` and `durationWeeks`, plans sessions
 * of 15 to 480 minutes, links tutorials over https, puts a kick-off first and a closing last and
 * no milestone twice, and plans the same sessions in de and en. A curriculum with a `glossary`
 * is also held to it answering `GlossaryEntry[]` in both languages, with as many entries in de
 * as in en and no term twice in one language.
 *
 * @example
 * for (const check of curriculumContract(curriculum)) test(check.name, check.run);
 */
export function curriculumContract<S extends ConfigSchema>(
  curriculum: Curriculum<S>,
  options: CurriculumContractOptions<S> = {},
): ContractCheck[] {
  const subject = new CurriculumUnderTest(curriculum, options);
  return [
    contractCheck('config is valid against configSchema', () => {
      subject.config();
    }),
    ...curriculum.kinds.flatMap((kind) => kindChecks(subject, kind)),
    // A curriculum without a glossary has nothing to check there, like peer lunches and homework.
    ...(curriculum.glossary ? glossaryChecks(subject) : []),
  ];
}

function kindChecks<S extends ConfigSchema>(
  subject: CurriculumUnderTest<S>,
  kind: ProgrammeKind,
): ContractCheck[] {
  const rules = [...PLAN_RULES, ...MILESTONE_RULES].filter(
    (rule) => rule.appliesTo?.(kind) ?? true,
  );
  return [
    contractCheck(`${kind}: sessions fit SessionPlanSchema`, async () => {
      for (const locale of LOCALES) await subject.plan(kind, locale);
    }),
    ...rules.map((rule) =>
      contractCheck(`${kind}: ${rule.name}`, async () => {
        for (const locale of LOCALES) {
          const problem = rule.problem(await subject.plan(kind, locale));
          if (problem) throw subject.violation(`${subject.call(kind, locale)} ${problem}`);
        }
      }),
    ),
    contractCheck(`${kind}: de and en plan the same sessions`, async () => {
      const problem = localeProblem(await subject.plan(kind, 'de'), await subject.plan(kind, 'en'));
      if (problem) throw subject.violation(`for ${kind}, ${problem}`);
    }),
  ];
}

const PLAN_RULES: readonly PlanRule[] = [
  {
    name: 'plans at least one session',
    problem: ({ sessions }) => (sessions.length === 0 ? 'planned no session' : undefined),
  },
  {
    name: 'plans defaults.sessionCount sessions',
    problem: ({ sessions, defaults }) =>
      sessions.length === defaults.sessionCount
        ? undefined
        : `planned ${sessions.length} sessions, but defaults.sessionCount is ${defaults.sessionCount}`,
  },
  {
    name: 'gives mentor and mentee homework',
    // Peer lunches are just lunches: nobody is set homework there.
    appliesTo: (kind) => kind !== 'peer-lunch',
    problem: ({ sessions }) => {
      const side = (['mentor', 'mentee'] as const).find(
        (s) => !sessions.some((session) => session.homework[s].length > 0),
      );
      return side && `gives the ${side} homework in no session`;
    },
  },
  {
    name: 'offsets never decrease',
    problem: ({ sessions }) => {
      const i = sessions.findIndex((s, j) => j > 0 && s.offsetWeeks < offsetAt(sessions, j - 1));
      return i < 0
        ? undefined
        : `puts session ${i + 1} at week ${offsetAt(sessions, i)}, before session ${i} at week ${offsetAt(sessions, i - 1)}`;
    },
  },
  {
    name: 'sessions fall within the programme',
    problem: ({ sessions, defaults }) => {
      const first = sessions[0]?.offsetWeeks ?? 0;
      const last = sessions.at(-1)?.offsetWeeks ?? 0;
      if (first > defaults.cadenceWeeks)
        return `puts the first session at week ${first}, later than defaults.cadenceWeeks (${defaults.cadenceWeeks})`;
      if (last > defaults.durationWeeks)
        return `puts the last session at week ${last}, after defaults.durationWeeks (${defaults.durationWeeks})`;
      return undefined;
    },
  },
  {
    name: `sessions last ${SESSION_MINUTES.min} to ${SESSION_MINUTES.max} minutes`,
    problem: ({ sessions }) => {
      const { min, max } = SESSION_MINUTES;
      const i = sessions.findIndex((s) => s.durationMinutes < min || s.durationMinutes > max);
      return i < 0
        ? undefined
        : `plans session ${i + 1} for ${sessions[i]?.durationMinutes} minutes`;
    },
  },
  {
    name: 'tutorial links use https',
    problem: ({ sessions }) => {
      const links = sessions.flatMap((s) => s.tutorials.flatMap((t) => (t.url ? [t.url] : [])));
      const plain = links.find((url) => !url.startsWith('https://'));
      return plain && `links a tutorial without https: ${plain}`;
    },
  },
];

/** Where a milestone must stand, when a plan has it: the host opens and ends a programme there. */
function milestoneRule(milestone: Milestone, place: 'first' | 'last'): PlanRule {
  return {
    name: `${milestone} is the ${place} session`,
    problem: ({ sessions }) => {
      const at = place === 'first' ? 0 : sessions.length - 1;
      const i = sessions.findIndex((s, j) => s.milestone === milestone && j !== at);
      return i < 0
        ? undefined
        : `makes session ${i + 1} of ${sessions.length} the ${milestone}, which must be the ${place} session`;
    },
  };
}

const MILESTONE_RULES: readonly PlanRule[] = [
  milestoneRule('kick-off', 'first'),
  milestoneRule('closing', 'last'),
  {
    name: 'no milestone twice',
    problem: ({ sessions }) => {
      const seen = new Map<Milestone, number>();
      for (const [i, { milestone }] of sessions.entries()) {
        if (milestone === undefined) continue;
        const first = seen.get(milestone);
        if (first !== undefined)
          return `marks both session ${first + 1} and session ${i + 1} as ${milestone}`;
        seen.set(milestone, i);
      }
      return undefined;
    },
  },
];

function offsetAt(sessions: SessionPlan[], index: number): number {
  return sessions[index]?.offsetWeeks ?? 0;
}

/**
 * Both languages plan one programme: the same number of sessions, in the same weeks, with the
 * same milestones — the host schedules and treats sessions alike whatever the language.
 */
function localeProblem(de: Planned, en: Planned): string | undefined {
  if (de.sessions.length !== en.sessions.length)
    return `de plans ${de.sessions.length} sessions but en ${en.sessions.length}`;
  const i = de.sessions.findIndex((s, j) => s.offsetWeeks !== offsetAt(en.sessions, j));
  if (i >= 0)
    return `session ${i + 1} is at week ${offsetAt(de.sessions, i)} in de but week ${offsetAt(en.sessions, i)} in en`;
  const m = de.sessions.findIndex((s, j) => s.milestone !== en.sessions[j]?.milestone);
  if (m < 0) return undefined;
  return `session ${m + 1} is ${milestoneName(de.sessions[m])} in de but ${milestoneName(en.sessions[m])} in en`;
}

function milestoneName(session: SessionPlan | undefined): string {
  return session?.milestone ? `the ${session.milestone}` : 'no milestone';
}

/** The glossary checks: its shape in each language, then de against en and terms within one. */
function glossaryChecks<S extends ConfigSchema>(subject: CurriculumUnderTest<S>): ContractCheck[] {
  return [
    contractCheck('glossary fits GlossaryEntrySchema', async () => {
      for (const locale of LOCALES) await subject.glossary(locale);
    }),
    contractCheck('glossary has as many entries in de as in en', async () => {
      const de = await subject.glossary('de');
      const en = await subject.glossary('en');
      if (de.length !== en.length)
        throw subject.violation(
          `glossary('de') has ${de.length} entries but glossary('en') ${en.length}`,
        );
    }),
    contractCheck('glossary names each term once', async () => {
      for (const locale of LOCALES) {
        const problem = duplicateTerm(await subject.glossary(locale), locale);
        if (problem) throw subject.violation(`glossary('${locale}') ${problem}`);
      }
    }),
  ];
}

/**
 * The first term a glossary names twice, as the end of a sentence. Terms count as the same
 * regardless of case and surrounding or repeated spaces: a reader would see "Cloud" and
 * "cloud " as one entry told twice.
 */
function duplicateTerm(entries: GlossaryEntry[], locale: Locale): string | undefined {
  const seen = new Map<string, number>();
  for (const [i, { term }] of entries.entries()) {
    const key = term.trim().replace(/\s+/g, ' ').toLocaleLowerCase(locale);
    const first = seen.get(key);
    if (first !== undefined) return `names "${term}" twice, in entries ${first + 1} and ${i + 1}`;
    seen.set(key, i);
  }
  return undefined;
}

/** The curriculum with its options: plans sessions and checks their shape. */
class CurriculumUnderTest<S extends ConfigSchema> {
  constructor(
    private readonly curriculum: Curriculum<S>,
    private readonly options: CurriculumContractOptions<S>,
  ) {}

  /** The configuration as the host would pass it; a violation when it does not fit. */
  config() {
    const prepared = prepareConfig(this.curriculum.configSchema, this.options.config);
    if (prepared.problem !== undefined) throw this.violation(`config ${prepared.problem}`);
    return prepared.config;
  }

  /** Calls sessions() for a programme of `kind` in `locale`; the answer fits the schema. */
  async plan(kind: ProgrammeKind, locale: Locale): Promise<Planned> {
    const { ctx } = createTestContext({ config: this.config() });
    const programme = this.programme(kind);
    const answer: unknown = await pluginCall(this.label(this.call(kind, locale)), () =>
      this.curriculum.sessions(locale, programme, ctx),
    );
    const problem = schemaProblem(SessionPlansSchema, answer);
    if (problem)
      throw this.violation(`${this.call(kind, locale)} answered outside SessionPlan[]: ${problem}`);
    return { kind, locale, sessions: answer as SessionPlan[], defaults: this.curriculum.defaults };
  }

  /** Calls glossary() in `locale`; the answer fits the schema. Only for a curriculum with one. */
  async glossary(locale: Locale): Promise<GlossaryEntry[]> {
    const { ctx } = createTestContext({ config: this.config() });
    const call = `glossary('${locale}')`;
    const answer: unknown = await pluginCall(this.label(call), () =>
      this.curriculum.glossary?.(locale, ctx),
    );
    const problem = schemaProblem(GlossarySchema, answer);
    if (problem) throw this.violation(`${call} answered outside GlossaryEntry[]: ${problem}`);
    return answer as GlossaryEntry[];
  }

  /** How a call reads in messages: `sessions('de') for a reverse-mentoring programme`. */
  call(kind: ProgrammeKind, locale: Locale): string {
    return `sessions('${locale}') for a ${kind} programme`;
  }

  violation(message: string): ContractViolation {
    return new ContractViolation(this.label(message));
  }

  // One German-language programme for both locales: only the language of the plan may differ.
  private programme(kind: ProgrammeKind): CurriculumProgramme {
    return {
      id: 'programme-1',
      kind,
      goals: [...(this.options.goals ?? DEFAULT_GOALS)],
      language: 'de',
    };
  }

  private label(text: string): string {
    return `curriculum "${this.curriculum.name}": ${text}`;
  }
}
