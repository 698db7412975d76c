/**
 * Type tests: compiled by `tsc -b` (tsconfig.test.json), never run. Each `@ts-expect-error`
 * marks a usage the SDK's types must refuse; the build fails if one of them compiles.
 */
import { Type } from '@sinclair/typebox';
import {
  type Curriculum,
  defineCurriculum,
  defineMatchingStrategy,
  defineNotificationChannel,
  type MatchingStrategy,
  type MatchProposal,
  type NotificationChannel,
  type PluginContext,
  type PluginKind,
  type pluginKind,
  type SendResult,
  type TandemPlugin,
} from '../src/index.js';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

const base = { version: '1.0.0', host: '^0.1.0' };
const empty: MatchProposal = { groups: [], unmatched: [] };

// The config type is inferred from a TypeBox configSchema.
const weighted = defineMatchingStrategy({
  ...base,
  name: 'weighted',
  configSchema: Type.Object({
    minScore: Type.Number({ default: 40 }),
    crossDepartment: Type.Optional(Type.Boolean()),
  }),
  match(input, ctx) {
    const minScore: number = ctx.config.minScore;
    const cross: boolean | undefined = ctx.config.crossDepartment;
    assertType<Equal<typeof ctx.config, { minScore: number; crossDepartment?: boolean }>>();
    // @ts-expect-error minScore is a number, not a string
    const wrong: string = ctx.config.minScore;
    // @ts-expect-error reading a config field that does not exist
    ctx.config.maxScore;
    ctx.log.info('matching', { candidates: input.candidates.length, minScore, cross, wrong });
    return empty;
  },
});
assertType<Equal<(typeof weighted)['name'], string>>();
const asAny: TandemPlugin = weighted;
const asStrategy: MatchingStrategy = weighted;
void asAny;
void asStrategy;

// A plain JSON Schema object gives an untyped record.
defineNotificationChannel({
  ...base,
  name: 'webhook',
  configSchema: { type: 'object', properties: { url: { type: 'string' } } },
  async send(_message, ctx) {
    assertType<Equal<typeof ctx.config, Record<string, unknown>>>();
    // @ts-expect-error an unknown value must be narrowed before use
    ctx.config.url.toUpperCase();
    return { status: 'delivered' };
  },
});

// match() returning the wrong shape.
defineMatchingStrategy({
  ...base,
  name: 'wrong-shape',
  configSchema: Type.Object({}),
  // @ts-expect-error groups must be an array of groups
  match: () => ({ groups: 'none' }),
});

defineMatchingStrategy({
  ...base,
  name: 'wrong-score',
  configSchema: Type.Object({}),
  // @ts-expect-error a group's score is a number (async: the whole promise is refused)
  match: async () => ({
    groups: [
      {
        members: [{ enrolmentId: 'e1', role: 'mentor' }],
        score: 'high',
        criteria: [],
      },
    ],
    unmatched: [],
  }),
});

// match() is required.
// @ts-expect-error a matching strategy without match()
defineMatchingStrategy({ ...base, name: 'no-match', configSchema: Type.Object({}) });

// A curriculum needs its defaults.
const curriculum = {
  ...base,
  name: 'half-year',
  configSchema: Type.Object({ extraSession: Type.Boolean() }),
  kinds: ['classic-mentoring'] as const,
  title: { de: 'Halbjahr', en: 'Half year' },
  description: { de: 'Sechs Monate.', en: 'Six months.' },
};
const halfYear = defineCurriculum({
  ...curriculum,
  defaults: {
    sessionCount: 6,
    sessionMinutes: 60,
    cadenceWeeks: 4,
    durationWeeks: 26,
    matchingStrategy: 'weighted',
    channels: ['email'],
  },
  sessions(locale, programme, ctx) {
    const extra: boolean = ctx.config.extraSession;
    return Array.from({ length: extra ? 7 : 6 }, (_, index) => ({
      title: `${locale === 'de' ? 'Sitzung' : 'Session'} ${index + 1}`,
      goal: programme.goals[0] ?? '',
      agenda: [],
      tutorials: [],
      homework: { mentor: [], mentee: [] },
      durationMinutes: 60,
      offsetWeeks: index * 4,
    }));
  },
});
const asCurriculum: Curriculum = halfYear;
void asCurriculum;

// @ts-expect-error a curriculum missing defaults
defineCurriculum({ ...curriculum, sessions: () => [] });

defineCurriculum({
  ...curriculum,
  // @ts-expect-error a title needs both languages
  title: { en: 'Half year' },
  defaults: halfYear.defaults,
  sessions: () => [],
});

// send() must resolve to one of the three outcomes.
const email = defineNotificationChannel({
  ...base,
  name: 'email',
  configSchema: Type.Object({ from: Type.String() }),
  async send(message, ctx) {
    if (!message.recipient.address) return { status: 'failed-permanently', reason: 'no address' };
    return ctx.config.from ? { status: 'delivered' } : { status: 'retry-later', reason: 'later' };
  },
});
const asChannel: NotificationChannel = email;
void asChannel;

defineNotificationChannel({
  ...base,
  name: 'bad-status',
  configSchema: Type.Object({}),
  // @ts-expect-error 'sent' is not a SendResult status
  send: async () => ({ status: 'sent' }),
});

defineNotificationChannel({
  ...base,
  name: 'no-reason',
  configSchema: Type.Object({}),
  // @ts-expect-error failed-permanently needs a reason
  send: async (): Promise<SendResult> => ({ status: 'failed-permanently' }),
});

defineNotificationChannel({
  ...base,
  name: 'sync-send',
  configSchema: Type.Object({}),
  // @ts-expect-error send() returns a promise
  send: (): SendResult => ({ status: 'delivered' }),
});

// The definition is read-only.
// @ts-expect-error definitions are frozen
email.name = 'smtp';

// pluginKind narrows nothing by itself but returns a PluginKind.
assertType<Equal<ReturnType<typeof pluginKind>, PluginKind | undefined>>();

// A context is what the host builds; the config type is the plugin's.
declare const ctx: PluginContext<{ from: string }>;
const cached: number | undefined = await ctx.store.get<number>('count');
await ctx.store.set('count', (cached ?? 0) + 1, { ttlSeconds: 60 });
// @ts-expect-error only JSON values can be stored
await ctx.store.set('when', new Map());
