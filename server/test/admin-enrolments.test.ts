import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const MALLORY = '=HYPERLINK("https://evil.example","klick")';

/** Six people in a programme, some matched, one withdrawn, one with a name that is a formula. */
const PEOPLE = [
  ['Anna Schmidt', 'anna.schmidt@amt.example', 'IT', 'Referentin', 'mentee', 'active', 1],
  ['Bernd Müller', 'bernd.mueller@amt.example', null, null, 'either', 'withdrawn', 2],
  [
    'Ömer Yılmaz',
    'oemer.yilmaz@amt.example',
    'Bürgerservice',
    'Sachbearbeiter "Digital"',
    'mentor',
    'active',
    3,
  ],
  ['Otto Berg', 'otto.berg@amt.example', 'Haushalt, Finanzen', 'Amtsleiter', 'mentee', 'active', 4],
  [MALLORY, 'mallory@amt.example', '-1+1', '@SUM(A1)', 'mentee', 'active', 5],
  ['Zoe Wagner', 'zoe.wagner@amt.example', 'IT', null, 'mentor', 'active', 0],
] as const;

async function setUp(t: Test) {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital im Dienst – Süd',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
  });
  const enrolments = new Map<string, Enrolment>();
  for (const [name, email, department, title, role, state, day] of PEOPLE) {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: email,
      name,
      email,
      department,
      title,
    });
    const enrolled = new Date(Date.UTC(2026, 2, 1 + day, 8, 30));
    enrolments.set(
      name,
      em.create(Enrolment, {
        programme,
        user,
        role,
        state,
        createdAt: enrolled,
        profile:
          name === 'Ömer Yılmaz'
            ? {
                skillsOffered: ['ai-assistants', 'excel'],
                skillsWanted: ['leadership'],
                languages: ['de', 'tr'],
              }
            : {},
      }),
    );
  }
  const match = (state: 'proposed' | 'dissolved', names: string[]) => {
    const created = em.create(Match, { programme, state });
    for (const name of names) {
      const enrolment = enrolments.get(name);
      if (enrolment)
        em.create(MatchMember, { match: created, enrolment, role: enrolment.role as 'mentor' });
    }
  };
  match('proposed', ['Ömer Yılmaz', 'Otto Berg']);
  match('dissolved', ['Zoe Wagner', 'Anna Schmidt']);
  // Someone of another programme, who must not show up.
  const other = em.create(Programme, {
    name: 'Mittagsrunde',
    kind: 'peer-lunch',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
  });
  const outsider = em.create(User, { issuer: 'https://idp.test', subject: 'x', name: 'Xaver' });
  em.create(Enrolment, { programme: other, user: outsider, role: 'either' });
  await em.flush();
  const get = (url: string, cookies = hr.cookies) => app.inject({ url, cookies });
  return { app, hr, get, url: `/api/admin/programmes/${programme.id}/enrolments` };
}

const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

t.test('admins page, search, filter and sort the enrolments of a programme', async (t) => {
  const { get, url } = await setUp(t);
  const all = await get(url);
  t.equal(all.statusCode, 200);
  t.equal(all.json().total, 6, 'only this programme');
  t.same(
    names(all.json()),
    [MALLORY, 'Anna Schmidt', 'Bernd Müller', 'Ömer Yılmaz', 'Otto Berg', 'Zoe Wagner'],
    'by name, Ömer among the Os',
  );
  t.match(all.json().items[3], {
    userId: /^[0-9a-f-]{36}$/,
    name: 'Ömer Yılmaz',
    email: 'oemer.yilmaz@amt.example',
    department: 'Bürgerservice',
    title: 'Sachbearbeiter "Digital"',
    role: 'mentor',
    state: 'active',
    enrolledAt: '2026-03-04T08:30:00.000Z',
    withdrawnAt: null,
    skillsOffered: ['ai-assistants', 'excel'],
    skillsWanted: ['leadership'],
    languages: ['de', 'tr'],
    matched: true,
  });
  t.match(all.json().items[2], { department: null, title: null, skillsOffered: [] });
  t.same(
    all
      .json()
      .items.filter((item: { matched: boolean }) => item.matched)
      .map((i: { name: string }) => i.name),
    ['Ömer Yılmaz', 'Otto Berg'],
    'a dissolved match does not count',
  );

  const search = async (text: string) =>
    names((await get(`${url}?search=${encodeURIComponent(text)}`)).json());
  t.same(await search('muller'), ['Bernd Müller'], 'without umlauts');
  t.same(await search('BÜRGER'), ['Ömer Yılmaz'], 'department, any case');
  t.same(await search('anna.sch'), ['Anna Schmidt'], 'email');
  t.same(await search('%'), [], 'a % is a character, not a wildcard');
  t.equal((await search('')).length, 6, 'an empty search finds all');

  t.same(names((await get(`${url}?role=mentee`)).json()), [MALLORY, 'Anna Schmidt', 'Otto Berg']);
  t.same(names((await get(`${url}?state=withdrawn`)).json()), ['Bernd Müller']);
  t.same(names((await get(`${url}?role=mentor&search=IT`)).json()), ['Zoe Wagner']);
  t.same(names((await get(`${url}?sort=-enrolledAt`)).json()), [
    MALLORY,
    'Otto Berg',
    'Ömer Yılmaz',
    'Bernd Müller',
    'Anna Schmidt',
    'Zoe Wagner',
  ]);
  t.same(
    names((await get(`${url}?sort=-department`)).json()),
    ['Anna Schmidt', 'Zoe Wagner', 'Otto Berg', 'Ömer Yılmaz', MALLORY, 'Bernd Müller'],
    'ties by name, no department last',
  );
  t.same(names((await get(`${url}?sort=role`)).json()), [
    'Bernd Müller',
    MALLORY,
    'Anna Schmidt',
    'Otto Berg',
    'Ömer Yılmaz',
    'Zoe Wagner',
  ]);
  const page = (await get(`${url}?limit=2&offset=2`)).json();
  t.same(
    { total: page.total, names: names(page) },
    {
      total: 6,
      names: ['Bernd Müller', 'Ömer Yılmaz'],
    },
  );
  t.same((await get(`${url}?offset=10`)).json(), { total: 6, items: [] });
});

t.test('bad queries, unknown programmes and non-admins are refused', async (t) => {
  const { app, get, url } = await setUp(t);
  for (const [query, message] of [
    ['role=boss', /^querystring\/role must be one of mentor, mentee, either$/],
    [
      'state=gone',
      /^querystring\/state must be one of active, awaiting-approval, waitlisted, withdrawn, declined, expired$/,
    ],
    [
      'sort=age',
      /^querystring\/sort must be one of name, -name, department, -department, role, -role, enrolledAt, -enrolledAt$/,
    ],
    ['limit=501', /^querystring\/limit must be <= 500$/],
    ['limit=0', /^querystring\/limit must be >= 1$/],
    ['offset=-1', /^querystring\/offset must be >= 0$/],
  ] as const) {
    const answer = await get(`${url}?${query}`);
    t.equal(answer.statusCode, 400, query);
    t.match(answer.json(), { statusCode: 400, message }, query);
  }
  for (const path of ['', '/export']) {
    const unknown = await get(
      `/api/admin/programmes/00000000-0000-4000-8000-000000000000/enrolments${path}`,
    );
    t.same(unknown.json(), {
      statusCode: 404,
      error: 'Not Found',
      message: 'No such programme.',
      code: 'not-found',
      params: {},
    });
    const lena = await signedInAs(app, { subject: `lena${path}`, name: 'Lena' });
    t.equal((await get(`${url}${path}`, lena.cookies)).statusCode, 403, 'participants may not');
    t.equal((await app.inject(`${url}${path}`)).statusCode, 401, 'nor anonymous callers');
  }
});

/** Reads CSV as RFC 4180 has it (with the reader's separator), the way a spreadsheet does. */
function parseCsv(text: string, separator: ';' | ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

async function exported(app: FastifyInstance, url: string, cookies: Record<string, string>) {
  const answer = await app.inject({ url: `${url}/export`, cookies });
  return { answer, rows: parseCsv(answer.body.replace(/^\uFEFF/, ''), ';') };
}

t.test('the CSV export opens right in Excel and is audited', async (t) => {
  const { app, hr, url } = await setUp(t);
  const { answer, rows } = await exported(app, url, hr.cookies);
  t.equal(answer.statusCode, 200);
  t.equal(answer.headers['content-type'], 'text/csv; charset=utf-8');
  t.equal(
    answer.headers['content-disposition'],
    'attachment; filename="enrolments-digital-im-dienst-sued.csv"',
  );
  t.same([...answer.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  t.ok(answer.body.endsWith('\r\n'), 'CRLF line ends');
  t.same(
    rows[0],
    [
      'Name',
      'E-Mail',
      'Abteilung',
      'Funktion',
      'Rolle',
      'Status',
      'Angemeldet am',
      'Abgemeldet am',
      'Bietet an',
      'Möchte lernen',
      'Sprachen',
      'Gematcht',
    ],
    'headings in the organisation’s language',
  );
  t.equal(rows.length, 7, 'every enrolment, in the table’s order');
  t.same(
    rows[1],
    [
      `'${MALLORY}`,
      'mallory@amt.example',
      '="-1+1"',
      "'@SUM(A1)",
      'Mentee',
      'aktiv',
      '="2026-03-06 09:30"',
      '',
      '',
      '',
      'de',
      'nein',
    ],
    'formulas are shown as text, numbers and times kept as text; times in Berlin',
  );
  t.same(rows[4], [
    'Ömer Yılmaz',
    'oemer.yilmaz@amt.example',
    'Bürgerservice',
    'Sachbearbeiter "Digital"',
    'Mentor:in',
    'aktiv',
    '="2026-03-04 09:30"',
    '',
    'ai-assistants, excel',
    'leadership',
    'de, tr',
    'ja',
  ]);
  t.equal(rows[5]?.[2], 'Haushalt, Finanzen', 'a comma stays inside its cell');
  t.match(answer.body, /;"Haushalt, Finanzen";/);
  t.match(answer.body, /;"Sachbearbeiter ""Digital""";/);

  const events = await app.orm.em
    .fork()
    .find(AuditEvent, { action: 'programme.enrolments-exported' });
  t.match(events, [{ actor: { id: hr.userId }, targetType: 'programme', data: { rows: 6 } }]);

  const browser = await app.inject({
    url: `${url}/export`,
    cookies: hr.cookies,
    headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
  });
  t.match(
    browser.body,
    /^\uFEFFName,Email,Department,/,
    'without a language of their own, the browser’s: English with `,`',
  );
  const em = app.orm.em.fork();
  await em.nativeUpdate(User, { id: hr.userId }, { locale: 'en' });
  const filtered = await app.inject({
    url: `${url}/export?state=withdrawn`,
    cookies: hr.cookies,
    headers: { 'accept-language': 'de' },
  });
  t.same(
    parseCsv(filtered.body.replace(/^\uFEFF/, ''), ','),
    [
      [
        'Name',
        'Email',
        'Department',
        'Job title',
        'Role',
        'State',
        'Enrolled at',
        'Withdrawn at',
        'Offers',
        'Wants to learn',
        'Languages',
        'Matched',
      ],
      [
        'Bernd Müller',
        'bernd.mueller@amt.example',
        '',
        '',
        'either',
        'withdrawn',
        '="2026-03-03 09:30"',
        '',
        '',
        '',
        'de',
        'no',
      ],
    ],
    'the filter applies; an English-speaking admin gets English headings',
  );
  t.match(
    await app.orm.em
      .fork()
      .find(AuditEvent, { action: 'programme.enrolments-exported' }, { orderBy: { id: 'asc' } }),
    [
      { data: { rows: 6 } },
      { data: { rows: 6 } },
      { data: { rows: 1, filter: { state: 'withdrawn' } } },
    ],
  );
});
