import { Type } from '@sinclair/typebox';
import t from 'tap';
import {
  defineCurriculum,
  defineMatchingStrategy,
  defineNotificationChannel,
  PLUGIN_BRAND,
  PLUGIN_KINDS,
  pluginKind,
} from '../src/index.js';

const base = { version: '1.0.0', host: '^0.1.0', configSchema: Type.Object({}) };

const strategy = () =>
  defineMatchingStrategy({
    ...base,
    name: 'weighted',
    match: () => ({ groups: [], unmatched: [] }),
  });

const curriculumFields = {
  ...base,
  name: 'half-year',
  kinds: ['classic-mentoring' as const],
  title: { de: 'Halbjahr', en: 'Half year' },
  description: { de: 'Sechs Monate, monatlich.', en: 'Six months, monthly.' },
  defaults: {
    sessionCount: 6,
    sessionMinutes: 60,
    cadenceWeeks: 4,
    durationWeeks: 26,
    matchingStrategy: 'weighted',
    channels: ['email'],
  },
  sessions: () => [],
};

const channel = () =>
  defineNotificationChannel({
    ...base,
    name: 'in-app',
    send: async () => ({ status: 'delivered' as const }),
  });

t.test('each helper brands its definition with its kind', async (t) => {
  t.equal(pluginKind(strategy()), 'matching-strategy');
  t.equal(pluginKind(defineCurriculum(curriculumFields)), 'curriculum');
  t.equal(pluginKind(channel()), 'notification-channel');
  t.same(PLUGIN_KINDS, ['matching-strategy', 'curriculum', 'notification-channel']);
});

t.test('the brand is a non-enumerable registered symbol', async (t) => {
  const plugin = strategy();
  t.equal(PLUGIN_BRAND, Symbol.for('tandem.plugin'));
  const descriptor = Object.getOwnPropertyDescriptor(plugin, Symbol.for('tandem.plugin'));
  t.equal(descriptor?.value, 'matching-strategy');
  t.equal(descriptor?.enumerable, false);
  t.equal(descriptor?.writable, false);
  t.notOk(Object.keys(plugin).includes(String(PLUGIN_BRAND)));
  t.same(Object.getOwnPropertySymbols({ ...plugin }), [], 'a spread copy is not branded');
  t.equal(pluginKind({ ...plugin }), undefined);
  t.notMatch(JSON.stringify(plugin), /tandem/);
});

t.test('the result is a frozen copy that keeps every field', async (t) => {
  const definition = {
    ...base,
    name: 'in-app',
    send: async () => ({ status: 'delivered' as const }),
  };
  const plugin = defineNotificationChannel(definition);
  t.ok(Object.isFrozen(plugin));
  t.notOk(Object.isFrozen(definition), "the caller's object is left alone");
  t.equal(plugin.name, 'in-app');
  t.equal(plugin.send, definition.send);
  t.equal(plugin.configSchema, definition.configSchema);
  t.throws(() => {
    (plugin as { name: string }).name = 'other';
  }, TypeError);
});

t.test('a brand made by another copy of the SDK is recognised', async (t) => {
  const foreign = Object.defineProperty({}, Symbol.for('tandem.plugin'), { value: 'curriculum' });
  t.equal(pluginKind(foreign), 'curriculum');
});

t.test('pluginKind of anything else is undefined', async (t) => {
  for (const value of [
    undefined,
    null,
    0,
    'matching-strategy',
    {},
    [],
    () => {},
    { name: 'weighted', match: () => {} },
    { [Symbol.for('tandem.plugin')]: 'theme' },
    { [Symbol('tandem.plugin')]: 'curriculum' },
    Object.create(strategy()),
  ])
    t.equal(pluginKind(value), undefined, String(value));
});

t.test('a name that is not kebab-case is refused', async (t) => {
  for (const name of ['Weighted', 'half_year', 'half--year', '-lunch', 'lunch-', '1st', '', 42])
    t.throws(
      () =>
        defineMatchingStrategy({
          ...base,
          name: name as string,
          match: () => ({ groups: [], unmatched: [] }),
        }),
      { name: 'TypeError', message: /^defineMatchingStrategy: name must be kebab-case .*got / },
      String(name),
    );
  t.throws(() => defineCurriculum({ ...curriculumFields, name: 'Half Year' }), {
    message: 'defineCurriculum: name must be kebab-case',
  });
  t.throws(() => defineCurriculum({ ...curriculumFields, name: 'Half Year' }), {
    message: /got "Half Year"$/,
  });
});

t.test('a missing function is refused, naming the plugin', async (t) => {
  t.throws(() => defineMatchingStrategy({ ...base, name: 'weighted' } as never), {
    name: 'TypeError',
    message: 'defineMatchingStrategy("weighted"): match must be a function, got undefined',
  });
  t.throws(() => defineCurriculum({ ...curriculumFields, sessions: [] } as never), {
    message: 'defineCurriculum("half-year"): sessions must be a function, got an array',
  });
  t.throws(() => defineNotificationChannel({ ...base, name: 'email', send: 'smtp' } as never), {
    message: 'defineNotificationChannel("email"): send must be a function, got "smtp"',
  });
});

t.test('other malformed fields are refused with a clear message', async (t) => {
  const match = () => ({ groups: [], unmatched: [] });
  t.throws(() => defineMatchingStrategy(undefined as never), {
    message: 'defineMatchingStrategy: expected a definition object, got undefined',
  });
  t.throws(() => defineMatchingStrategy({ ...base, name: 'weighted', version: 'one', match }), {
    message: 'defineMatchingStrategy("weighted"): version must be a semver version',
  });
  t.throws(() => defineMatchingStrategy({ ...base, name: 'weighted', host: ' ', match }), {
    message: 'defineMatchingStrategy("weighted"): host must be the semver range',
  });
  t.throws(
    () => defineMatchingStrategy({ ...base, name: 'weighted', configSchema: null as never, match }),
    { message: 'configSchema must be a TypeBox schema or a JSON Schema object, got null' },
  );
  const { defaults: _, ...withoutDefaults } = curriculumFields;
  t.throws(() => defineCurriculum(withoutDefaults as never), {
    message: 'defineCurriculum("half-year"): defaults: Expected required property',
  });
  t.throws(
    () =>
      defineCurriculum({
        ...curriculumFields,
        defaults: { ...curriculumFields.defaults, sessionCount: 0 },
      }),
    {
      message:
        'defineCurriculum("half-year"): defaults.sessionCount: Expected integer to be greater or equal to 1',
    },
  );
  t.throws(() => defineCurriculum({ ...curriculumFields, kinds: [] }), {
    message: 'defineCurriculum("half-year"): kinds:',
  });
  t.throws(() => defineCurriculum({ ...curriculumFields, title: { de: 'Halbjahr' } as never }), {
    message: 'defineCurriculum("half-year"): title.en: Expected required property',
  });
});

t.test('a plain JSON Schema object is accepted as configSchema', async (t) => {
  const plugin = defineNotificationChannel({
    ...base,
    name: 'webhook',
    configSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    send: async () => ({ status: 'failed-permanently', reason: 'not configured' }),
  });
  t.equal(pluginKind(plugin), 'notification-channel');
});

t.test('the functions are called with what the host passes', async (t) => {
  const plugin = defineMatchingStrategy({
    ...base,
    name: 'echo',
    configSchema: Type.Object({ minScore: Type.Number() }),
    match: (input, ctx) => ({
      groups: [],
      unmatched: input.candidates.map((c) => ({
        enrolmentId: c.enrolmentId,
        reason: `below ${ctx.config.minScore} at ${ctx.now().toISOString()}`,
      })),
    }),
  });
  const candidate = {
    enrolmentId: 'e1',
    personId: 'p1',
    role: 'mentee' as const,
    capacity: 1,
    excludedPersonIds: [],
    profile: {
      skillsOffered: [],
      skillsWanted: [],
      languages: ['de'],
      format: 'remote' as const,
      availability: [],
      goals: [],
    },
  };
  const store = { get: async () => undefined, set: async () => {}, delete: async () => {} };
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const proposal = await plugin.match(
    {
      programme: { id: 'p', kind: 'peer-lunch', weights: {}, rules: {} },
      candidates: [candidate],
      history: [],
      pins: [],
      forbids: [],
      seed: 1,
    },
    { config: { minScore: 40 }, log, store, now: () => new Date('2025-01-06T09:00:00Z') },
  );
  t.same(proposal.unmatched, [
    { enrolmentId: 'e1', reason: 'below 40 at 2025-01-06T09:00:00.000Z' },
  ]);
});

t.test('a curriculum glossary is optional, and a function when given', async (t) => {
  const curriculum = {
    ...base,
    name: 'glossy',
    kinds: ['reverse-mentoring' as const],
    title: { de: 'G', en: 'G' },
    description: { de: 'G', en: 'G' },
    defaults: {
      sessionCount: 1,
      sessionMinutes: 45,
      cadenceWeeks: 2,
      durationWeeks: 2,
      matchingStrategy: 'weighted',
      channels: [],
    },
    sessions: () => [],
  };
  t.ok(defineCurriculum({ ...curriculum, glossary: () => [{ term: 'Wiki', explanation: 'x' }] }));
  t.throws(() => defineCurriculum({ ...curriculum, glossary: [] as never }), {
    name: 'TypeError',
    message: 'defineCurriculum("glossy"): glossary must be a function when given, got object',
  });
});

t.test('a strategy may offer self-service suggestions; suggest must be a function', async (t) => {
  const match = () => ({ groups: [], unmatched: [] });
  t.ok(defineMatchingStrategy({ ...base, name: 'picky', match, suggest: () => [] }));
  t.throws(
    () => defineMatchingStrategy({ ...base, name: 'picky', match, suggest: 'yes' as never }),
    {
      name: 'TypeError',
      message: 'defineMatchingStrategy("picky"): suggest must be a function when given, got string',
    },
  );
});
