import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const profile = {
  skillsOffered: ['ai-assistants', 'video-meetings'],
  skillsWanted: ['leadership'],
  tags: ['Excel-Makros'],
  experienceYears: 3,
  languages: ['de', 'en'],
  format: 'both',
  location: 'Bonn',
  availability: [{ weekday: 2, from: '09:00', to: '11:30' }],
  goals: ['Führung verstehen'],
  excludedPersonIds: [],
};

t.test(
  'the skill taxonomy ships with digital and organisational skills, and admins edit it',
  async (t) => {
    const app = await buildTestApp(t);
    const ada = await signedInAs(app, { subject: 'ada', name: 'Ada' });
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const skills = (await app.inject({ url: '/api/skills', cookies: ada.cookies })).json();
    t.equal(skills.length, 20, 'the default set');
    t.match(skills, [
      {
        key: 'agile-methods',
        label: { de: 'Agile Methoden', en: 'Agile methods' },
        category: 'digital',
      },
    ]);
    t.ok(
      skills.some(
        (s: { key: string; category: string }) =>
          s.key === 'leadership' && s.category === 'organisation',
      ),
    );

    const admin = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      app.inject({ method, url, payload, cookies: hr.cookies });
    const lowCode = {
      key: 'low-code',
      label: { de: 'Low-Code', en: 'Low code' },
      category: 'digital',
    };
    t.equal((await admin('POST', '/api/admin/skills', lowCode)).statusCode, 201);
    t.match((await admin('POST', '/api/admin/skills', lowCode)).json(), {
      statusCode: 409,
      message: 'There is a skill with the key low-code already.',
      code: 'skill.exists',
      params: { key: 'low-code' },
    });
    t.match((await admin('POST', '/api/admin/skills', { ...lowCode, key: 'Low Code' })).json(), {
      statusCode: 400,
      message: /^body\/key must match pattern/,
    });
    t.match((await admin('PATCH', '/api/admin/skills/so%00cial', { archived: true })).json(), {
      statusCode: 400,
      message: 'Text may not contain the NUL character (U+0000).',
    });
    t.match(
      (
        await admin('POST', '/api/admin/skills', {
          ...lowCode,
          key: 'x',
          label: { de: 'a\u0000', en: 'b' },
        })
      ).json(),
      { statusCode: 400 },
      'wherever a NUL character comes in, the request is refused, never a 500 (found by the fuzz test)',
    );
    t.match((await admin('PATCH', '/api/admin/skills/social-media', { archived: true })).json(), {
      key: 'social-media',
      archived: true,
    });
    const offered = (await app.inject({ url: '/api/skills', cookies: ada.cookies })).json();
    t.notOk(
      offered.some((s: { key: string }) => s.key === 'social-media'),
      'archived: offered no more',
    );
    t.ok(offered.some((s: { key: string }) => s.key === 'low-code'));
    const all = (await app.inject({ url: '/api/admin/skills', cookies: hr.cookies })).json();
    t.equal(all.length, 21, 'admins see archived ones too');
    t.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/admin/skills',
          payload: lowCode,
          cookies: ada.cookies,
        })
      ).statusCode,
      403,
    );
  },
);

t.test(
  'a profile is kept per person, with skills from the taxonomy and real exclusions',
  async (t) => {
    const app = await buildTestApp(t);
    const ada = await signedInAs(app, {
      subject: 'ada',
      name: 'Ada Schmidt',
      department: 'Bürgerservice',
    });
    const boss = await signedInAs(app, {
      subject: 'boss',
      name: 'Dr. Brigitte Hahn',
      department: 'Bürgerservice',
    });
    const put = (payload: object) =>
      app.inject({ method: 'PUT', url: '/api/me/profile', payload, cookies: ada.cookies });

    t.match((await app.inject({ url: '/api/me/profile', cookies: ada.cookies })).json(), {
      skillsOffered: [],
      languages: ['de'],
      format: 'both',
    });
    const saved = await put({ ...profile, excludedPersonIds: [boss.userId] });
    t.equal(saved.statusCode, 200);
    t.same((await app.inject({ url: '/api/me/profile', cookies: ada.cookies })).json(), {
      ...profile,
      excludedPersonIds: [boss.userId],
    });

    t.match((await put({ ...profile, skillsOffered: ['ai-assistants', 'blockchain'] })).json(), {
      statusCode: 400,
      message:
        'skillsOffered holds blockchain, which the skill taxonomy does not offer; use tags for skills outside it.',
    });
    t.match((await put({ ...profile, excludedPersonIds: [ada.userId] })).json(), {
      message: 'excludedPersonIds cannot hold yourself.',
    });
    t.match(
      (
        await put({ ...profile, excludedPersonIds: ['00000000-0000-4000-8000-000000000000'] })
      ).json(),
      { message: 'excludedPersonIds holds someone Tandem does not know.' },
    );
    t.match((await put({ ...profile, format: 'hybrid' })).json(), {
      statusCode: 400,
      message: /^body\/format must be equal to constant/,
    });

    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    await app.inject({
      method: 'PATCH',
      url: '/api/admin/skills/ai-assistants',
      payload: { archived: true },
      cookies: hr.cookies,
    });
    t.equal((await put(profile)).statusCode, 200, 'a skill archived after it was chosen may stay');

    const found = await app.inject({ url: '/api/people?query=bürger', cookies: ada.cookies });
    t.same(
      found.json().map((p: { name: string }) => p.name),
      ['Ada Schmidt', 'Dr. Brigitte Hahn'],
      'by department, case-insensitive',
    );
    t.equal(
      (await app.inject({ url: '/api/people?query=h', cookies: ada.cookies })).statusCode,
      400,
    );
    t.equal(
      (await app.inject({ url: '/api/people?query=ha%00ns', cookies: ada.cookies })).statusCode,
      400,
      'a NUL byte in the search is refused, not a failed query (found by the fuzz test)',
    );
  },
);
