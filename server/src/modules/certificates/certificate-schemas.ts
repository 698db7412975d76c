import { type Static, type TSchema, Type } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date' });

/**
 * What a certificate states, word for word as issued, and nothing else: what the public
 * verification page shows for its number.
 */
export const CertificateStatementsSchema = Type.Object(
  {
    number: Type.String({ examples: ['TND-7K3M-Q9XP-2D4F'] }),
    holderName: Type.String(),
    programmeName: Type.String(),
    organisationName: Nullable(Type.String()),
    periodStart: Day,
    periodEnd: Day,
    sessionsHeld: Type.Integer({ minimum: 1 }),
    hours: Type.Number({ description: 'The held meetings’ time, in hours to one decimal.' }),
    topics: Type.Array(Type.String()),
    issuedOn: Day,
  },
  { additionalProperties: false },
);
export type CertificateStatements = Static<typeof CertificateStatementsSchema>;

/** One of the signed-in person's programmes that gives them a certificate, issued or not yet. */
export const MyCertificateSchema = Type.Object({
  programme: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  number: Nullable(Type.String({ description: 'Null until it is issued, on first download.' })),
  issuedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type MyCertificate = Static<typeof MyCertificateSchema>;

/** A programme's certificates for its admins and managers: numbers and holders, no PDFs. */
export const ProgrammeCertificatesSchema = Type.Object({
  /** Participants who may have one: at least one meeting held, and done with the programme. */
  eligible: Type.Integer(),
  certificates: Type.Array(
    Type.Object({
      number: Type.String(),
      holderName: Type.String(),
      issuedAt: Type.String({ format: 'date-time' }),
      /** True when the programme's admins issued it, false when the holder asked for it. */
      issuedByAdmin: Type.Boolean(),
    }),
  ),
});
export type ProgrammeCertificates = Static<typeof ProgrammeCertificatesSchema>;

/** What issuing a programme's certificates did. */
export const CertificatesIssuedSchema = Type.Object({
  /** Certificates issued now; their holders are notified. */
  issued: Type.Integer(),
  /** Certificates the programme has in all, now. */
  total: Type.Integer(),
});
export type CertificatesIssued = Static<typeof CertificatesIssuedSchema>;
