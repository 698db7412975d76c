import { Type } from '@sinclair/typebox';
import fastJsonStringify from 'fast-json-stringify';
import t from 'tap';
import { serializableSchema } from '../src/http/serializable-schema.js';
import { ParticipantProgrammeSchema } from '../src/modules/enrolment/enrolment-schemas.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';

/** The JSON of `value` through the schema as given and as the server compiles it. */
function bothWays(schema: object, value: unknown) {
  const asGiven = fastJsonStringify(schema as fastJsonStringify.AnySchema);
  const asServed = fastJsonStringify(serializableSchema(schema) as fastJsonStringify.AnySchema);
  return { asGiven: asGiven(value), asServed: asServed(value) };
}

const programme = {
  id: '5f0c6a8e-2f3b-4c55-9a4e-1a2b3c4d5e6f',
  name: 'Digital fit',
  description: 'Reverse mentoring',
  kind: 'reverse-mentoring',
  state: 'enrolment',
  goals: ['e-file'],
  budget: null,
  format: 'hybrid',
  location: 'Raum 3',
  languages: ['de', 'en'],
  sessionCount: 6,
  sessionMinutes: 60,
  cadenceWeeks: 2,
  durationWeeks: 12,
  selfService: false,
  enrolmentOpensAt: null,
  enrolmentClosesAt: '2026-12-24',
  canEnrol: false,
  whyNot: 'Enrolment opens on 1 January.',
  whyNotCode: { code: 'enrolment.opens', params: { at: '2027-01-01', places: 3 } },
  enrolment: {
    role: 'mentee',
    state: 'waitlisted',
    waitlistPosition: 2,
    profile: { ...EMPTY_PROFILE, skillsWanted: ['video-meetings'] },
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
    internal: 'never sent',
  },
  internal: 'never sent',
};

t.test('the participant overview serializes to the same JSON as its schema says', async (t) => {
  const schema = Type.Array(ParticipantProgrammeSchema);
  const others = { enrolment: null, whyNot: null, whyNotCode: null, budget: '500 €' };
  const { asGiven, asServed } = bothWays(schema, [programme, { ...programme, ...others }]);
  t.equal(asServed, asGiven);
  t.notMatch(asServed, /never sent/, 'properties outside the schema stay out');
  const [first, second] = JSON.parse(asServed);
  t.equal(first.enrolment.waitlistPosition, 2);
  t.same(first.whyNotCode.params, { at: '2027-01-01', places: 3 });
  t.equal(second.enrolment, null);
});

t.test('unions turn into the types fast-json-stringify writes without validating', async (t) => {
  const object = Type.Object({ a: Type.Integer() });
  t.same(serializableSchema(Type.Union([object, Type.Null()])), {
    type: 'object',
    properties: { a: { type: 'integer' } },
    required: ['a'],
    nullable: true,
  });
  t.same(serializableSchema(Type.Union([Type.Literal('x'), Type.Literal('y')])), {
    type: 'string',
  });
  t.same(serializableSchema(Type.Union([Type.String(), Type.Number(), Type.Null()])), {
    type: ['string', 'number', 'null'],
  });
  // A date-time writes a Date as ISO text: in a list of types it would not, so it stays a union.
  const dated = Type.Union([Type.String({ format: 'date-time' }), Type.Number()]);
  t.same(serializableSchema(dated), JSON.parse(JSON.stringify(dated)));
});

t.test('unions of objects still choose their branch by the value', async (t) => {
  const schema = Type.Array(
    Type.Union([
      Type.Object({ kind: Type.Literal('pair'), mentor: Type.String() }),
      Type.Object({ kind: Type.Literal('group'), size: Type.Integer() }),
      Type.Null(),
    ]),
  );
  const value = [{ kind: 'pair', mentor: 'Ada' }, { kind: 'group', size: 3 }, null];
  const { asGiven, asServed } = bothWays(schema, value);
  t.equal(asServed, asGiven);
  t.same(JSON.parse(asServed), value);
});
