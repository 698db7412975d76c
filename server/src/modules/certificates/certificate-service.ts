import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { localeOf, notify } from '../notifications/notify.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import { Certificate } from './certificate.js';
import { certificateReadyNotice } from './certificate-notice.js';
import { canonicalNumber, newCertificateNumber } from './certificate-number.js';
import { certificatePdf } from './certificate-pdf.js';
import type {
  CertificateStatements,
  CertificatesIssued,
  MyCertificate,
  ProgrammeCertificates,
} from './certificate-schemas.js';
import { type Participation, participations } from './participation.js';

const UNKNOWN = () =>
  new ServiceError('not-found', 'No certificate with this number.', 'certificate.unknown');

/**
 * The signed-in person's programmes that give them a certificate: those issued, and those they
 * may have (a meeting held, the programme closed or their pair over) that are issued on their
 * first download.
 */
export async function listMyCertificates(
  em: EntityManager,
  userId: string,
): Promise<MyCertificate[]> {
  const issued = await em.find(Certificate, { user: userId }, { populate: ['programme'] });
  const enrolments = await em.find(Enrolment, { user: userId }, { populate: ['programme'] });
  const open = enrolments
    .map((enrolment) => enrolment.programme)
    .filter((programme) => !issued.some((c) => c.programme.id === programme.id));
  const mine: MyCertificate[] = issued.map((certificate) => ({
    programme: { id: certificate.programme.id, name: certificate.programme.name },
    number: certificate.number,
    issuedAt: certificate.issuedAt.toISOString(),
  }));
  const { timeZone } = await organisationSettings(em);
  for (const programme of new Map(open.map((p) => [p.id, p])).values()) {
    const [participation] = await participations(em, programme.id, { userId, timeZone });
    if (participation)
      mine.push({
        programme: { id: programme.id, name: programme.name },
        number: null,
        issuedAt: null,
      });
  }
  return mine.sort((a, b) => a.programme.name.localeCompare(b.programme.name));
}

/**
 * The signed-in person's certificate for a programme as a PDF, issued now if this is the first
 * time they ask and they may have one.
 *
 * @param verifyUrl the verification page's address for a number.
 * @throws ServiceError not-found when they have none and may have none (yet).
 */
export async function myCertificatePdf(
  em: EntityManager,
  userId: string,
  programmeId: string,
  verifyUrl: (number: string) => string,
): Promise<{ number: string; pdf: Buffer }> {
  const existing = await em.findOne(Certificate, { user: userId, programme: programmeId });
  const certificate = existing ?? (await issueOwn(em, userId, programmeId));
  const { timeZone } = await organisationSettings(em);
  const pdf = await certificatePdf(
    { ...statementsOf(certificate, timeZone), locale: certificate.locale },
    verifyUrl(certificate.number),
  );
  return { number: certificate.number, pdf };
}

async function issueOwn(em: EntityManager, userId: string, programmeId: string) {
  const programme = await em.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  await issue(em, programme, undefined, userId);
  const certificate = await em.findOne(Certificate, { user: userId, programme: programmeId });
  if (!certificate)
    throw new ServiceError(
      'not-found',
      'No certificate for you in this programme: it is given once you held a meeting and the programme (or your pair) has ended.',
      'certificate.not-eligible',
    );
  return certificate;
}

/**
 * Issues the certificate of everyone in the programme who may have one and has none yet, and
 * tells each of them it is ready. Issuing again issues only those who became eligible since.
 * Only what the certificates state is written here; the PDFs are made on download, so even a
 * large programme is issued in one request.
 */
export async function issueProgrammeCertificates(
  em: EntityManager,
  activeChannels: ReadonlySet<string>,
  programmeId: string,
  actorId: string,
): Promise<CertificatesIssued> {
  const programme = await em.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const holders = await issue(em, programme, actorId);
  await notify(
    em,
    holders.map((holder) => certificateReadyNotice(holder, programme)),
    activeChannels,
  );
  await recordAudit(em, {
    action: 'programme.certificates-issued',
    actorId,
    targetType: 'programme',
    targetId: programme.id,
    data: { issued: holders.length },
  });
  return { issued: holders.length, total: await em.count(Certificate, { programme }) };
}

/**
 * Writes the certificates of the eligible participants (or of `onlyUserId`) who have none; a
 * certificate issued meanwhile by another request stays as it is.
 *
 * @returns the holders of the certificates issued now.
 */
async function issue(
  em: EntityManager,
  programme: Programme,
  issuedBy: string | undefined,
  onlyUserId?: string,
): Promise<User[]> {
  const organisation = await organisationSettings(em);
  const enrolled = await em.find(
    Enrolment,
    { programme, ...(onlyUserId ? { user: onlyUserId } : {}) },
    { populate: ['user'] },
  );
  const users = new Map(enrolled.map((enrolment) => [enrolment.user.id, enrolment.user]));
  const locale = (userId: string): Locale => {
    const user = users.get(userId);
    return user ? localeOf(user, organisation.defaultLocale) : organisation.defaultLocale;
  };
  const eligible = await participations(em, programme.id, {
    ...(onlyUserId ? { userId: onlyUserId } : {}),
    timeZone: organisation.timeZone,
    localeOf: locale,
  });
  const rows = eligible.flatMap((participation) => {
    const user = users.get(participation.userId);
    return user
      ? [rowOf(participation, user, programme, organisation.name, locale(user.id), issuedBy)]
      : [];
  });
  if (rows.length === 0) return [];
  const inserted: { user_id: string }[] = await em
    .getKnex()('certificate')
    .insert(rows)
    .onConflict(['programme_id', 'user_id'])
    .ignore()
    .returning('user_id');
  return inserted.flatMap((row) => users.get(row.user_id) ?? []);
}

function rowOf(
  participation: Participation,
  user: User,
  programme: Programme,
  organisationName: string | null,
  locale: Locale,
  issuedBy: string | undefined,
) {
  return {
    id: randomUUID(),
    number: newCertificateNumber(),
    programme_id: programme.id,
    user_id: user.id,
    holder_name: user.name,
    programme_name: programme.name,
    organisation_name: organisationName,
    period_start: participation.periodStart,
    period_end: participation.periodEnd,
    sessions_held: participation.sessionsHeld,
    minutes: participation.minutes,
    topics: JSON.stringify(participation.topics),
    locale,
    issued_at: new Date(),
    issued_by_id: issuedBy ?? null,
  };
}

/** A programme's certificates, newest first, and how many participants may have one. */
export async function listProgrammeCertificates(
  em: EntityManager,
  programmeId: string,
): Promise<ProgrammeCertificates> {
  const programme = await em.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const { timeZone } = await organisationSettings(em);
  const certificates = await em.find(
    Certificate,
    { programme },
    { orderBy: { issuedAt: 'desc', number: 'asc' } },
  );
  const eligible = await participations(em, programme.id, { timeZone });
  return {
    eligible: eligible.length,
    certificates: certificates.map((certificate) => ({
      number: certificate.number,
      holderName: certificate.holderName,
      issuedAt: certificate.issuedAt.toISOString(),
      issuedByAdmin: certificate.issuedBy !== null && certificate.issuedBy !== undefined,
    })),
  };
}

/**
 * What the certificate with this number states, for anyone who has it in hand.
 *
 * @throws ServiceError not-found for a number that is unknown (or was never one).
 */
export async function verifyCertificate(
  em: EntityManager,
  typed: string,
): Promise<CertificateStatements> {
  const number = canonicalNumber(typed);
  if (!number) throw UNKNOWN();
  const certificate = await em.findOne(Certificate, { number });
  if (!certificate) throw UNKNOWN();
  const { timeZone } = await organisationSettings(em);
  return statementsOf(certificate, timeZone);
}

function statementsOf(certificate: Certificate, timeZone: string): CertificateStatements {
  return {
    number: certificate.number,
    holderName: certificate.holderName,
    programmeName: certificate.programmeName,
    organisationName: certificate.organisationName ?? null,
    periodStart: certificate.periodStart,
    periodEnd: certificate.periodEnd,
    sessionsHeld: certificate.sessionsHeld,
    hours: Math.round(certificate.minutes / 6) / 10,
    topics: certificate.topics,
    // Swedish writes a date as YYYY-MM-DD.
    issuedOn: certificate.issuedAt.toLocaleDateString('sv-SE', { timeZone }),
  };
}
