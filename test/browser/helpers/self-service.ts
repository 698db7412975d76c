import { EMPTY_PROFILE } from '../../../server/src/modules/profiles/profile-schema.js';
import { sql } from '../../../server/test/helpers/database.js';
import { sessionFor } from '../../../server/test/helpers/sessions.js';
import type { TandemSite } from './tandem-browser.js';

type App = TandemSite['app'];

/** The self-service programme the browser tests add: the demo has none. */
export const CHOSEN = 'Tandem nach Wahl';

export interface SelfServiceMember {
  /** A demo person's name. */
  name: string;
  role: 'mentor' | 'mentee';
  skills: string[];
}

/**
 * Adds a programme in which participants choose their tandem themselves, open for enrolment,
 * with the given demo people enrolled: through the API as the HR admin and each person would.
 */
export async function selfServiceProgramme(
  app: App,
  databaseUrl: string,
  admin: string,
  members: SelfServiceMember[],
): Promise<string> {
  const as = async (name: string) => {
    const { cookies } = await sessionFor(app, await userId(databaseUrl, name));
    return (method: 'POST' | 'PUT', url: string, payload: object) =>
      ensure(app.inject({ method, url, payload, cookies }), url);
  };
  const hr = await as(admin);
  const created = await hr('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: CHOSEN,
    settings: { selfService: true },
  });
  const { id } = created.json<{ id: string }>();
  await hr('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
  for (const member of members) {
    const skills =
      member.role === 'mentor' ? { skillsOffered: member.skills } : { skillsWanted: member.skills };
    await (await as(member.name))('PUT', `/api/programmes/${id}/enrolment`, {
      role: member.role,
      profile: { ...EMPTY_PROFILE, ...skills },
    });
  }
  return id;
}

/** One demo person asks another in the programme, as the API would take it from the app. */
export async function askPartner(
  app: App,
  databaseUrl: string,
  programmeId: string,
  from: string,
  to: string,
  message?: string,
): Promise<void> {
  const [asked] = await sql<{ id: string }>(
    databaseUrl,
    `SELECT e.id FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE u.name = $1 AND e.programme_id = $2`,
    [to, programmeId],
  );
  const { cookies } = await sessionFor(app, await userId(databaseUrl, from));
  const url = `/api/programmes/${programmeId}/requests`;
  await ensure(
    app.inject({ method: 'POST', url, cookies, payload: { to: asked?.id, message } }),
    url,
  );
}

async function userId(databaseUrl: string, name: string): Promise<string> {
  const [row] = await sql<{ id: string }>(databaseUrl, 'SELECT id FROM app_user WHERE name = $1', [
    name,
  ]);
  if (!row) throw new Error(`no demo person ${name}`);
  return row.id;
}

async function ensure<T extends { statusCode: number; body: string }>(
  answer: Promise<T>,
  url: string,
): Promise<T> {
  const response = await answer;
  if (response.statusCode >= 300)
    throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
  return response;
}
