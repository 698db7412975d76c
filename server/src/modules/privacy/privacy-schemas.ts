import { type Static, Type } from '@sinclair/typebox';

/** Everything Tandem holds about one person: a section per table, each row as stored. */
export const PersonalDataExportSchema = Type.Object({
  format: Type.Literal('tandem-personal-data'),
  version: Type.Literal(1),
  exportedAt: Type.String({ format: 'date-time' }),
  userId: Type.String({ format: 'uuid' }),
  tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown())), {
    description:
      'By table name, every row that refers to the person: their own, those of their enrolments and pairs, and what they did.',
  }),
});
export type PersonalDataExport = Static<typeof PersonalDataExportSchema>;

/** The word that confirms an account deletion, typed by the person. */
export const DELETE_CONFIRMATION = 'DELETE';

export const AccountDeletionSchema = Type.Object(
  {
    confirm: Type.Literal(DELETE_CONFIRMATION, {
      description: 'Must be the word DELETE: deleting an account cannot be undone.',
    }),
  },
  { additionalProperties: false },
);

/** What an account deletion did. */
export const AccountDeletedSchema = Type.Object({
  /** The id the anonymised person keeps in their partners' history. */
  tombstoneId: Type.String({ format: 'uuid' }),
  pairsDissolved: Type.Integer({ minimum: 0 }),
});
export type AccountDeleted = Static<typeof AccountDeletedSchema>;
