import type { Static } from '@sinclair/typebox';
import type {
  CertificateStatementsSchema,
  CertificatesIssuedSchema,
  MyCertificateSchema,
  ProgrammeCertificatesSchema,
} from '@tandem/server/schemas/modules/certificates/certificate-schemas';
import { ApiError, api } from './api-client.js';

export type CertificateStatements = Static<typeof CertificateStatementsSchema>;
export type MyCertificate = Static<typeof MyCertificateSchema>;
export type ProgrammeCertificates = Static<typeof ProgrammeCertificatesSchema>;
export type CertificatesIssued = Static<typeof CertificatesIssuedSchema>;

const programmePath = (id: string) =>
  `/api/admin/programmes/${encodeURIComponent(id)}/certificates`;

/** My programmes that give me a certificate, issued or issued on first download. */
export const listMyCertificates = (signal?: AbortSignal) =>
  api<MyCertificate[]>('/api/me/certificates', signal ? { signal } : {});

/** Where my certificate of a programme downloads as a PDF (issued on the first download). */
export const myCertificatePdfUrl = (programmeId: string) =>
  `/api/me/certificates/${encodeURIComponent(programmeId)}/pdf`;

/** What the certificate with this number states; undefined when there is none. */
export async function verifyCertificate(
  number: string,
  signal?: AbortSignal,
): Promise<CertificateStatements | undefined> {
  try {
    return await api<CertificateStatements>(
      `/api/certificates/${encodeURIComponent(number)}`,
      signal ? { signal } : {},
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** A programme's certificates and how many participants may have one, for its admins. */
export const listProgrammeCertificates = (programmeId: string, signal?: AbortSignal) =>
  api<ProgrammeCertificates>(programmePath(programmeId), signal ? { signal } : {});

/** Issues the certificates of everyone who may have one and has none yet. */
export const issueProgrammeCertificates = (programmeId: string) =>
  api<CertificatesIssued>(programmePath(programmeId), { method: 'POST' });
