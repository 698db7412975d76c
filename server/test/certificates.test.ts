import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Certificate } from '../src/modules/certificates/certificate.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { followUpMeeting } from '../src/modules/meetings/meeting-follow-up.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { updateOrganisation } from '../src/modules/organisation/organisation-update.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { publishPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

const run = promisify(execFile);
const PUBLIC_URL = 'https://tandem.stadt.test';
const ORGANISATION = 'Stadt Lüneburg';
const SESSION_MINUTES = 45;

/** Debian's poppler-utils read the PDFs: the certificate must be real, tagged text. */
const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'];
const missing = POPPLER.filter((path) => !existsSync(path));
if (missing.length > 0)
  throw new Error(
    `certificates.test.ts needs ${missing.join(' and ')}: install Debian's poppler-utils (apt-get install poppler-utils)`,
  );

// Two apps, a dozen people with their pairs and meetings, and poppler run on each PDF.
t.setTimeout(180_000);

type Person = Awaited<ReturnType<typeof signedInAs>>;

async function person(app: FastifyInstance, subject: string, name: string, locale: 'de' | 'en') {
  const signed = await signedInAs(app, { subject, name });
  const answer = await app.inject({
    method: 'PUT',
    url: '/api/me/preferences',
    cookies: signed.cookies,
    payload: { locale, mutedChannels: [], channelAddresses: {} },
  });
  if (answer.statusCode !== 200) throw new Error(`preferences: ${answer.body}`);
  return signed;
}

/**
 * A running programme with one pair per couple; each pair holds as many meetings as given
 * (planned along its plan and followed up once over, as the jobs do).
 */
async function programmeWithPairs(
  app: FastifyInstance,
  name: string,
  couples: { mentor: Person; mentee: Person; held: number }[],
) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name,
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { sessionMinutes: SESSION_MINUTES },
  });
  await em.flush();
  const pairs: string[] = [];
  for (const { mentor, mentee, held } of couples) {
    const [a, b] = [mentor, mentee].map((p, i) =>
      em.create(Enrolment, { programme, user: p.userId, role: i ? 'mentee' : 'mentor' }),
    );
    await em.flush();
    const { pairId } = await publishPair(app, programme.id, [
      { enrolmentId: a?.id ?? '', role: 'mentor' },
      { enrolmentId: b?.id ?? '', role: 'mentee' },
    ]);
    const deps = app.meetingDependencies();
    let meeting: { id: string } | null | undefined = await planNextMeeting(deps, pairId);
    for (let k = 0; k < held && meeting; k++) {
      await followUpMeeting(deps, meeting.id);
      meeting = await app.orm.em.fork().findOne(Meeting, { match: pairId, state: 'planned' });
    }
    pairs.push(pairId);
  }
  return { programmeId: programme.id, pairs };
}

/** The titles of the sessions a pair's held meetings were for, in a language. */
async function heldTopics(app: FastifyInstance, pairId: string, locale: 'de' | 'en') {
  const held = await app.orm.em
    .fork()
    .find(Meeting, { match: pairId, state: 'held' }, { orderBy: { startsAt: 'asc' } });
  const sessions = await app.orm.em.fork().find(PairSession, {
    id: { $in: held.map((meeting) => meeting.session?.id ?? '') },
  });
  return held.map((meeting) => {
    const session = sessions.find((s) => s.id === meeting.session?.id);
    return session?.translations.title?.[locale] ?? session?.title ?? meeting.title;
  });
}

async function closeProgramme(app: FastifyInstance, admin: Person, programmeId: string) {
  const answer = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programmeId}/transitions`,
    cookies: admin.cookies,
    headers: { origin: PUBLIC_URL },
    payload: { to: 'closed' },
  });
  if (answer.statusCode !== 200) throw new Error(`close: ${answer.body}`);
}

/** The PDF's text by pdftotext, and pdfinfo's report. */
async function readPdf(pdf: Buffer) {
  const folder = await mkdtemp(join(tmpdir(), 'certificate-'));
  try {
    const file = join(folder, 'certificate.pdf');
    await writeFile(file, pdf);
    const text = (await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
    const info = (await run('/usr/bin/pdfinfo', ['-enc', 'UTF-8', file])).stdout;
    return { text, info };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

t.test(
  'a participant downloads their certificate, in their language, and anyone verifies it',
  async (t) => {
    const app = await buildTestApp(t, { env: { PUBLIC_URL } });
    await updateOrganisation(app.orm.em.fork(), { name: ORGANISATION }, 'test');
    const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const jürgen = await person(app, 'juergen', 'Jürgen Weiß-Öztürk', 'de');
    const anna = await person(app, 'anna', 'Anna Smith', 'en');
    const lena = await person(app, 'lena', 'Lena Vogt', 'de');
    const petra = await person(app, 'petra', 'Petra Hahn', 'de');
    const { programmeId, pairs } = await programmeWithPairs(app, 'KI im Arbeitsalltag', [
      { mentor: jürgen, mentee: anna, held: 2 },
      { mentor: lena, mentee: petra, held: 0 },
    ]);
    const as = (who: Person, url: string) => app.inject({ url, cookies: who.cookies });
    const pdfUrl = `/api/me/certificates/${programmeId}/pdf`;

    t.same((await as(jürgen, '/api/me/certificates')).json(), [], 'none while the pair still runs');
    t.equal((await as(jürgen, pdfUrl)).statusCode, 404, 'nor a PDF');

    await closeProgramme(app, admin, programmeId);
    const listed = (await as(jürgen, '/api/me/certificates')).json();
    t.match(listed, [
      { programme: { id: programmeId, name: 'KI im Arbeitsalltag' }, number: null },
    ]);
    t.same((await as(lena, '/api/me/certificates')).json(), [], 'a pair that never met: none');

    const german = await as(jürgen, pdfUrl);
    t.equal(german.statusCode, 200);
    t.equal(german.headers['content-type'], 'application/pdf');
    t.equal(german.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const [mine] = (await as(jürgen, '/api/me/certificates')).json();
    const number: string = mine.number;
    t.match(number, /^TND(-[2-9A-HJKMNP-TW-Z]{4}){3}$/, 'issued on the first download');
    t.match(german.headers['content-disposition'], `${number}.pdf`);
    const again = await as(jürgen, pdfUrl);
    t.equal(
      (await as(jürgen, '/api/me/certificates')).json()[0].number,
      number,
      'downloading again issues nothing new',
    );
    t.equal(again.statusCode, 200);

    const de = await readPdf(german.rawPayload);
    for (const expected of [
      'Teilnahmebescheinigung',
      'Jürgen Weiß-Öztürk',
      '„KI im Arbeitsalltag“',
      'Gehaltene Treffen: 2',
      'Stunden: 1,5',
      `Organisation: ${ORGANISATION}`,
      `Bescheinigungsnummer: ${number}`,
      `${PUBLIC_URL}/verify/${number}`,
      ...(await heldTopics(app, pairs[0] ?? '', 'de')),
    ])
      t.ok(de.text.includes(expected), `the German PDF says ${expected}`);
    t.match(de.info, /^Tagged:\s+yes$/m, 'pdfinfo: tagged');
    t.match(de.info, /^Title:\s+Teilnahmebescheinigung: Jürgen Weiß-Öztürk$/m);
    t.match(de.info, /^Author:\s+Tandem$/m);
    t.match(de.info, /^PDF version:\s+1\.7$/m);

    const english = await as(anna, pdfUrl);
    t.equal(english.statusCode, 200);
    const en = await readPdf(english.rawPayload);
    const annasNumber: string = (await as(anna, '/api/me/certificates')).json()[0].number;
    t.not(annasNumber, number, 'each participant has their own number');
    for (const expected of [
      'Certificate of participation',
      'Anna Smith',
      '“KI im Arbeitsalltag”',
      'Sessions held: 2',
      'Hours: 1.5',
      `Organisation: ${ORGANISATION}`,
      `Certificate number: ${annasNumber}`,
      ...(await heldTopics(app, pairs[0] ?? '', 'en')),
    ])
      t.ok(en.text.includes(expected), `the English PDF says ${expected}`);
    t.notOk(en.text.includes('Teilnahmebescheinigung'), 'and no German');
    t.match(en.info, /^Tagged:\s+yes$/m);

    t.equal((await as(lena, pdfUrl)).statusCode, 404, 'another participant gets none of theirs');
    t.equal((await as(admin, pdfUrl)).statusCode, 404, 'nor does an admin');

    const verified = await app.inject(`/api/certificates/${number}`);
    t.equal(verified.statusCode, 200, 'verification needs no sign-in');
    const statements = verified.json();
    t.same(Object.keys(statements).sort(), [
      'holderName',
      'hours',
      'issuedOn',
      'number',
      'organisationName',
      'periodEnd',
      'periodStart',
      'programmeName',
      'sessionsHeld',
      'topics',
    ]);
    t.match(statements, {
      number,
      holderName: 'Jürgen Weiß-Öztürk',
      programmeName: 'KI im Arbeitsalltag',
      organisationName: ORGANISATION,
      sessionsHeld: 2,
      hours: 1.5,
      topics: await heldTopics(app, pairs[0] ?? '', 'de'),
    });
    t.match(statements.periodStart, /^\d{4}-\d{2}-\d{2}$/);
    t.ok(statements.periodStart <= statements.periodEnd);
    t.same(
      (await app.inject(`/api/certificates/${number.toLowerCase().replaceAll('-', '')}`)).json(),
      statements,
      'typed without dashes, in small letters: the same certificate',
    );

    // A later change of name or programme leaves the certificate as issued.
    await app.orm.em.fork().nativeUpdate(Programme, { id: programmeId }, { name: 'Umbenannt' });
    t.equal(
      (await app.inject(`/api/certificates/${number}`)).json().programmeName,
      'KI im Arbeitsalltag',
    );

    for (const unknown of ['TND-2222-3333-4444', 'not-a-number', 'TND-0000-OOOO-IIII']) {
      const answer = await app.inject(`/api/certificates/${unknown}`);
      t.equal(answer.statusCode, 404, `${unknown}: unknown`);
      t.equal(answer.json().code, 'certificate.unknown');
    }

    const deleted = await app.inject({
      method: 'POST',
      url: '/api/me/delete',
      cookies: anna.cookies,
      headers: { origin: PUBLIC_URL },
      payload: { confirm: 'DELETE' },
    });
    t.equal(deleted.statusCode, 200);
    t.equal(
      (await app.inject(`/api/certificates/${annasNumber}`)).statusCode,
      404,
      'a deleted account takes its certificate along',
    );
    t.equal(await app.orm.em.fork().count(Certificate, { number: annasNumber }), 0);
    t.equal(
      (await app.inject(`/api/certificates/${number}`)).statusCode,
      200,
      'the partner keeps theirs',
    );
  },
);

t.test('admins issue a programme’s certificates at once, and once', async (t) => {
  const app = await buildTestApp(t, { env: { PUBLIC_URL } });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const people = await Promise.all(
    ['ole', 'maja', 'tim', 'ute', 'eva', 'kai'].map((s) => person(app, s, s.toUpperCase(), 'de')),
  );
  const [ole, maja, tim, ute, eva, kai] = people as [
    Person,
    Person,
    Person,
    Person,
    Person,
    Person,
  ];
  const { programmeId, pairs } = await programmeWithPairs(app, 'Digital fit', [
    { mentor: ole, mentee: maja, held: 1 },
    { mentor: tim, mentee: ute, held: 0 },
    { mentor: eva, mentee: kai, held: 2 },
  ]);
  const issue = () =>
    app.inject({
      method: 'POST',
      url: `/api/admin/programmes/${programmeId}/certificates`,
      cookies: admin.cookies,
      headers: { origin: PUBLIC_URL },
    });
  const list = async () =>
    (
      await app.inject({
        url: `/api/admin/programmes/${programmeId}/certificates`,
        cookies: admin.cookies,
      })
    ).json();

  t.same((await issue()).json(), { issued: 0, total: 0 }, 'nobody while the pairs still run');
  // Ole's pair met once and was dissolved; he has a new partner, not met yet: he is not done,
  // while Maja, whose only pair it was, is.
  const em = app.orm.em.fork();
  await em.nativeUpdate(Match, { id: pairs[0] }, { state: 'dissolved', dissolvedAt: new Date() });
  const nia = await person(app, 'nia', 'NIA', 'de');
  const olesEnrolment = await em.findOneOrFail(Enrolment, {
    programme: programmeId,
    user: ole.userId,
  });
  const niasEnrolment = em.create(Enrolment, {
    programme: programmeId,
    user: nia.userId,
    role: 'mentee',
  });
  await em.flush();
  await publishPair(app, programmeId, [
    { enrolmentId: olesEnrolment.id, role: 'mentor' },
    { enrolmentId: niasEnrolment.id, role: 'mentee' },
  ]);
  t.equal((await list()).eligible, 1, 'only Maja before the programme closes');
  await closeProgramme(app, admin, programmeId);
  t.equal((await list()).eligible, 4);

  // Kai asked for his already: he keeps that one and is not told again.
  const kaisOwn = await app.inject({
    url: `/api/me/certificates/${programmeId}/pdf`,
    cookies: kai.cookies,
  });
  t.equal(kaisOwn.statusCode, 200);
  t.same((await issue()).json(), { issued: 3, total: 4 }, 'one per participant whose pair met');
  t.same((await issue()).json(), { issued: 0, total: 4 }, 'issuing again changes nothing');

  const listed = await list();
  t.equal(listed.certificates.length, 4);
  t.same(
    listed.certificates.map((c: { holderName: string }) => c.holderName).sort(),
    ['EVA', 'KAI', 'MAJA', 'OLE'],
    'the pair that never met has none',
  );
  t.same(
    listed.certificates.filter((c: { issuedByAdmin: boolean }) => !c.issuedByAdmin).length,
    1,
    "Kai's own is marked as asked for",
  );
  const inbox = async (who: Person) =>
    (await app.inject({ url: '/api/me/inbox', cookies: who.cookies }))
      .json()
      .entries.filter((n: { title: string }) => n.title.includes('Teilnahmebescheinigung'));
  for (const [who, told] of [
    [ole, 1],
    [maja, 1],
    [eva, 1],
    [kai, 0],
    [tim, 0],
  ] as const)
    t.equal((await inbox(who)).length, told, `notified ${told} time(s)`);
  const [notice] = await inbox(ole);
  t.equal(notice.link, '/certificates', 'the notice leads to the certificates');
  t.equal(
    (await app.inject({ url: `/api/me/certificates/${programmeId}/pdf`, cookies: ole.cookies }))
      .statusCode,
    200,
    'and the PDF is there',
  );
});
