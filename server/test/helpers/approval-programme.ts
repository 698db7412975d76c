import type { FastifyInstance } from 'fastify';
import { EMPTY_PROFILE } from '../../src/modules/profiles/profile-schema.js';
import { User } from '../../src/modules/users/user.js';
import { signedInAs } from './sessions.js';

type Cookies = Record<string, string>;

/**
 * An admin, a programme open for enrolment with the settings given, and a caller per
 * signed-in person that enrols, withdraws and reads as them.
 */
export async function approvalProgramme(app: FastifyInstance, settings: object) {
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const { id } = (
    await admin('POST', '/api/admin/programmes', {
      curriculum: 'qa-quickstart',
      name: 'KI im Arbeitsalltag',
      settings,
    })
  ).json();
  await admin('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
  return { id, hr, admin };
}

/** A signed-in person (German, as most of the agency), with their line manager if given. */
export async function person(app: FastifyInstance, name: string, managerId?: string) {
  const signed = await signedInAs(app, { subject: name.toLowerCase(), name });
  await app.orm.em
    .fork()
    .nativeUpdate(User, { id: signed.userId }, { locale: 'de', manager: managerId ?? null });
  return { ...signed, as: caller(app, signed.cookies) };
}

function caller(app: FastifyInstance, cookies: Cookies) {
  return (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
}

/** Enrols as a mentee with a profile that fits the programme. */
export function enrolPayload(role: 'mentor' | 'mentee' = 'mentee') {
  return { role, profile: { ...EMPTY_PROFILE, languages: ['de'] } };
}

/** The newest entry of a person's inbox. */
export async function latestInbox(as: ReturnType<typeof caller>) {
  return (await as('GET', '/api/me/inbox')).json().entries[0];
}
