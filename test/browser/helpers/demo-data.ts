import { sql } from '../../../server/test/helpers/database.js';

/** The seeded demo programmes the tests visit (server/src/demo/seed-demo.ts). */
export const DIGITAL_FIT = 'Digital fit: Reverse Mentoring 2027';
export const MYSTERY_LUNCH = 'Mystery Lunch';

/** A demo programme's id by its name. */
export async function programmeId(databaseUrl: string, name: string): Promise<string> {
  const [row] = await sql<{ id: string }>(databaseUrl, 'SELECT id FROM programme WHERE name = $1', [
    name,
  ]);
  if (!row) throw new Error(`no programme ${name}`);
  return row.id;
}

/** The enrolment of a demo person in a programme, by their names. */
export async function enrolmentId(
  databaseUrl: string,
  person: string,
  programme: string,
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    databaseUrl,
    `SELECT e.id FROM enrolment e
       JOIN app_user u ON u.id = e.user_id
       JOIN programme p ON p.id = e.programme_id
      WHERE u.name = $1 AND p.name = $2`,
    [person, programme],
  );
  if (!row) throw new Error(`${person} is not enrolled in ${programme}`);
  return row.id;
}
