import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

const LunchPerson = Type.Object({
  name: Type.String(),
  department: Nullable(Type.String()),
});

/** The group's lunch as planned: the first meeting of its plan that is not cancelled. */
const LunchMeeting = Type.Object({
  startsAt: DateTime,
  endsAt: DateTime,
  location: Nullable(Type.String()),
  link: Nullable(Type.String()),
});

/** A lunch programme as one participant sees it: their group this round, the next round. */
export const MyLunchSchema = Type.Object({
  programmeId: Type.String({ format: 'uuid' }),
  /** My group in the current round; null when I have none (sat out, left over, none drawn). */
  round: Nullable(
    Type.Object({
      number: Type.Integer({ minimum: 1 }),
      pairId: Type.String({ format: 'uuid' }),
      lunch: Nullable(LunchMeeting),
      partners: Type.Array(LunchPerson),
    }),
  ),
  /** How many rounds were drawn and published so far. */
  roundsDrawn: Type.Integer({ minimum: 0 }),
  /** The latest round, when I asked to sit it out. */
  satOutRound: Nullable(Type.Integer({ minimum: 1 })),
  /** I asked to sit out the next round; undoable until it is drawn. */
  skipsNextRound: Type.Boolean(),
  /** When the next round is drawn; null when the programme is not running. */
  nextRoundAt: Nullable(DateTime),
});
export type MyLunch = Static<typeof MyLunchSchema>;

/** Every round of a lunch programme, for its admins, newest first. */
export const LunchRoundsSchema = Type.Object({
  nextRoundAt: Nullable(DateTime),
  /** Who asked to sit out the next round. */
  skippingNext: Type.Array(LunchPerson),
  rounds: Type.Array(
    Type.Object({
      number: Type.Integer({ minimum: 1 }),
      drawnAt: DateTime,
      groups: Type.Array(
        Type.Object({
          id: Type.String({ format: 'uuid' }),
          state: Type.Union([
            Type.Literal('published'),
            Type.Literal('ended'),
            Type.Literal('dissolved'),
          ]),
          members: Type.Array(LunchPerson),
          lunch: Nullable(LunchMeeting),
        }),
      ),
      satOut: Type.Array(LunchPerson),
    }),
  ),
});
export type LunchRounds = Static<typeof LunchRoundsSchema>;
