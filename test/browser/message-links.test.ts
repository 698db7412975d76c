/**
 * Every link Tandem sends leads to a page. A pair of "Digital fit" is published and its first
 * meeting planned (the invitation), then the HR admin dissolves it (the notice and the
 * cancellation); in a self-service programme two colleagues ask the mentor for a tandem and she
 * accepts one (the requests and the answer). So the people hold every kind of message those
 * steps send, in the inbox and by email. Each link in each of them, opened in the browser by the person it was sent to,
 * renders a page of the app with its heading: never "Page not found".
 */
import type { Page } from 'playwright-core';
import t from 'tap';
import { planNextMeeting } from '../../server/src/modules/meetings/meeting-planner.js';
import { dissolvePair } from '../../server/src/modules/pairs/dissolve-pair.js';
import { answerRequest } from '../../server/src/modules/self-service/self-service.js';
import { sql } from '../../server/test/helpers/database.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, programmeId } from './helpers/demo-data.js';
import { askPartner, selfServiceProgramme } from './helpers/self-service.js';
import { signIn, startTandem, until, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const MENTOR = 'Aylin Demir';
const MENTEE = 'Thomas Schulze';
const ADMIN = 'Matthias Keller';

interface SentLink {
  recipient: string;
  /** Where it was found: "inbox: <kind>" or "email: <subject>". */
  source: string;
  path: string;
}

const site = await startTandem(t, { worker: true });
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, MENTOR, DIGITAL_FIT), role: 'mentor' },
  { enrolmentId: await enrolmentId(site.databaseUrl, MENTEE, DIGITAL_FIT), role: 'mentee' },
]);
const deps = site.app.meetingDependencies();
await planNextMeeting(deps, pairId);
const [admin] = await sql<{ id: string }>(
  site.databaseUrl,
  'SELECT id FROM app_user WHERE name = $1',
  [ADMIN],
);
if (!admin) throw new Error(`no demo person ${ADMIN}`);
await dissolvePair(deps, { userId: admin.id, admin: true }, pairId, { reason: 'does not fit' });

const selfService = await selfServiceProgramme(site.app, site.databaseUrl, ADMIN, [
  { name: MENTOR, role: 'mentor', skills: ['ai-assistants'] },
  { name: 'Gabriele Schmitt', role: 'mentee', skills: ['ai-assistants'] },
  { name: 'Bernd Fischer', role: 'mentee', skills: ['e-file'] },
]);
await askPartner(site.app, site.databaseUrl, selfService, 'Gabriele Schmitt', MENTOR, 'Gern!');
await askPartner(site.app, site.databaseUrl, selfService, 'Bernd Fischer', MENTOR);
const [request] = await sql<{ id: string; to_user: string }>(
  site.databaseUrl,
  `SELECT r.id, e.user_id AS to_user FROM tandem_request r
     JOIN enrolment e ON e.id = r.to_id JOIN enrolment f ON f.id = r.from_id
     JOIN app_user u ON u.id = f.user_id
    WHERE u.name = 'Gabriele Schmitt'`,
);
if (!request) throw new Error('the request was not made');
await answerRequest(
  { em: site.app.orm.em, plugins: site.app.plugins },
  request.to_user,
  request.id,
  true,
);

/** The inbox entries with a link, by recipient. */
async function inboxLinks(): Promise<SentLink[]> {
  const rows = await sql<{ name: string; kind: string; link: string }>(
    site.databaseUrl,
    `SELECT u.name, n.kind, n.link FROM notification n JOIN app_user u ON u.id = n.recipient_id
      WHERE n.link IS NOT NULL ORDER BY n.created_at`,
  );
  return rows.map((row) => ({ recipient: row.name, source: `inbox: ${row.kind}`, path: row.link }));
}

/** The links to this site in every email the demo mail sink received, by recipient. */
async function emailLinks(page: Page): Promise<SentLink[]> {
  const people = await sql<{ name: string; email: string }>(
    site.databaseUrl,
    'SELECT name, email FROM app_user WHERE email IS NOT NULL',
  );
  const nameOf = new Map(people.map((person) => [person.email.toLowerCase(), person.name]));
  const response = await page.request.get('/api/admin/demo-mailbox');
  const mails = (await response.json()) as { to: string[]; subject: string; text: string }[];
  const links: SentLink[] = [];
  const address = new RegExp(
    `${site.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^\\s)>"]*)`,
    'g',
  );
  for (const mail of mails)
    for (const [, path] of mail.text.matchAll(address))
      for (const to of mail.to)
        links.push({
          recipient: nameOf.get(to.replace(/^.*<|>$/g, '').toLowerCase()) ?? to,
          source: `email: ${mail.subject}`,
          path: path ?? '/',
        });
  return links;
}

t.test('each link in every inbox entry and email opens a page for its recipient', async (t) => {
  const adminPage = await site.open(t, { language: 'en' });
  await signIn(adminPage, ADMIN);
  // Deliveries run as jobs: wait until the cancellation's email is in the sink.
  const links = await until(
    async () => [...(await inboxLinks()), ...(await emailLinks(adminPage))],
    (found) =>
      found.some((link) => link.source.startsWith('inbox') && link.path.endsWith('/partners')) &&
      found.filter((link) => link.source.startsWith('email')).length >= 4,
    'inbox entries and emails with links: requests, invitations and cancellations',
  );
  t.ok(links.length >= 4, `${links.length} links were sent`);

  const pages = new Map<string, Page>();
  for (const link of links) {
    let page = pages.get(link.recipient);
    if (!page) {
      page = await site.open(t, { language: 'en' });
      await signIn(page, link.recipient);
      pages.set(link.recipient, page);
    }
    const heading = await visit(page, link.path);
    const text = (await heading.textContent())?.trim() ?? '';
    t.notMatch(text, /Page not found|Seite nicht gefunden/, `${link.source} → ${link.path}`);
    t.ok(text.length > 0, `${link.recipient} sees a page at ${link.path}: “${text}”`);
  }
});
