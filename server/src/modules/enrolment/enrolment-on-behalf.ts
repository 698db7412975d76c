import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { emailMatch } from '../users/email-match.js';
import { User } from '../users/user.js';
import type { EnrolOnBehalf, MyEnrolment } from './enrolment-schemas.js';
import { enrol } from './enrolment-service.js';

/**
 * An admin (or their HR system, with an API token) enrols a person into a programme, under the
 * same rules as the person's own enrolment: open window, eligibility, a fitting profile. The
 * person is named by their identity provider subject (stable) or their email address (what HR
 * systems usually hold, as in the CSV import); they must have signed in once, which is when
 * Tandem learns of them.
 *
 * @throws ServiceError invalid unless exactly one of subject and email is given, not-found for
 *   an unknown person or programme, and whatever enrol throws.
 */
export async function enrolOnBehalf(
  em: EntityManager,
  channels: ReadonlySet<string>,
  adminId: string,
  programmeId: string,
  input: EnrolOnBehalf,
): Promise<MyEnrolment> {
  const user = await findPerson(em, input);
  if (!user) {
    throw new ServiceError('not-found', 'Nobody by this name has signed in to Tandem yet.');
  }
  const enrolment = await enrol(
    em,
    user.id,
    programmeId,
    {
      ...(input.role ? { role: input.role } : {}),
      ...(input.profile ? { profile: input.profile } : {}),
    },
    new Date(),
    channels,
  );
  await recordAudit(em, {
    action: 'enrolment.enrolled-by-admin',
    actorId: adminId,
    targetType: 'user',
    targetId: user.id,
    data: { programmeId, role: enrolment.role },
  });
  return enrolment;
}

/** The one person the subject or email names; undefined when none or several fit. */
async function findPerson(em: EntityManager, input: EnrolOnBehalf): Promise<User | undefined> {
  if ((input.subject === undefined) === (input.email === undefined)) {
    throw new ServiceError(
      'invalid',
      'Name the person by their subject or by their email: one of the two.',
    );
  }
  const where = input.subject ? { subject: input.subject } : emailMatch(input.email ?? '');
  const users = await em.fork().find(User, where, { limit: 2 });
  return users.length === 1 ? users[0] : undefined;
}
