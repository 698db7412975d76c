// What .ci/container-path checks on the running stack, over HTTP as a browser would: three people
// sign in through the IdP (authorization code flow, form posts, redirects and cookies), the
// admin creates a programme, the mentor and the mentee enrol, the admin pairs them and
// publishes, and both invitations arrive at the mail sink as calendar mails.
//
//   node journey.mjs publish      prints `programme <id>` once the invitations arrived
//   node journey.mjs kept <id>    after a restart: the programme still runs, with its pair
//
// Each check prints one line `ok - ...`; the first failure prints `not ok - ...` and exits 1.
const TANDEM = process.env.TANDEM_URL;
const MAIL = process.env.MAIL_URL;
const ORIGIN = new URL(TANDEM).origin;
const PROFILE = {
  skillsOffered: [],
  skillsWanted: [],
  tags: [],
  languages: ['de'],
  format: 'remote',
  availability: [{ weekday: 3, from: '14:00', to: '16:00' }],
  goals: ['CI'],
  excludedPersonIds: [],
};

/** A browser of its own: cookies per host, redirects followed by hand so every hop keeps them. */
class Browser {
  jar = new Map();

  async open(url, init = {}) {
    let next = new URL(url);
    let request = init;
    for (let hop = 0; hop < 20; hop++) {
      const cookies = this.jar.get(next.host) ?? new Map();
      const headers = { ...request.headers };
      if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(next, { ...request, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) this.keep(next.host, line);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      next = new URL(location, next);
      request = {};
    }
    throw new Error(`too many redirects from ${url}`);
  }

  keep(host, line) {
    const [pair, ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const cookies = this.jar.get(host) ?? new Map();
    this.jar.set(host, cookies);
    const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
    if (gone) cookies.delete(name);
    else cookies.set(name, value);
  }

  /** Sign-in: Tandem sends the browser to the IdP, whose page offers one form per account. */
  async signIn(subject, email) {
    const page = await this.open(`${TANDEM}/auth/login`);
    const html = await page.text();
    const form = new RegExp(
      `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="subject" value="${subject}">`,
    ).exec(html);
    if (!form) throw new Error(`no sign-in form for ${subject} at ${page.url}: ${page.status}`);
    const action = new URL(form[1].replaceAll('&amp;', '&'), page.url);
    const done = await this.open(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ subject }).toString(),
    });
    const me = await this.api('GET', '/api/me');
    if (done.status !== 200 || me.email !== email)
      throw new Error(`sign-in of ${subject} ended at ${done.url} (${done.status})`);
    return me;
  }

  async api(method, path, body) {
    const response = await this.open(`${TANDEM}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

async function check(name, body) {
  try {
    const result = await body();
    console.log(`ok - ${name}`);
    return result;
  } catch (error) {
    console.log(`not ok - ${name}: ${error.message}`);
    process.exit(1);
  }
}

async function until(what, probe, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > end) throw new Error(`no ${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function publish() {
  const admin = new Browser();
  const mentor = new Browser();
  const mentee = new Browser();
  await check('the admin signs in through the IdP', async () => {
    const me = await admin.signIn('ci-admin', 'hanna@ci.tandem.example');
    if (!me.roles?.includes('admin')) throw new Error(`not an admin: ${JSON.stringify(me)}`);
  });
  await check('the mentor and the mentee sign in', async () => {
    await mentor.signIn('ci-mentor', 'mia@ci.tandem.example');
    await mentee.signIn('ci-mentee', 'max@ci.tandem.example');
  });
  const programme = await check('the admin creates a programme and opens enrolment', async () => {
    const created = await admin.api('POST', '/api/admin/programmes', {
      curriculum: 'qa-quickstart',
      name: `CI ${new Date().toISOString()}`,
    });
    await admin.api('POST', `/api/admin/programmes/${created.id}/transitions`, { to: 'enrolment' });
    return created.id;
  });
  await check('both enrol', async () => {
    await mentor.api('PUT', `/api/programmes/${programme}/enrolment`, {
      role: 'mentor',
      profile: PROFILE,
    });
    await mentee.api('PUT', `/api/programmes/${programme}/enrolment`, {
      role: 'mentee',
      profile: PROFILE,
    });
  });
  await check('the admin pairs them and publishes', async () => {
    await admin.api('POST', `/api/admin/programmes/${programme}/transitions`, { to: 'matching' });
    const { items } = await admin.api('GET', `/api/admin/programmes/${programme}/enrolments`);
    const role = (email) => (email === 'mia@ci.tandem.example' ? 'mentor' : 'mentee');
    await admin.api('POST', `/api/admin/programmes/${programme}/matches`, {
      members: items.map((row) => ({ enrolmentId: row.id, role: role(row.email) })),
    });
    await admin.api('POST', `/api/admin/programmes/${programme}/publish`);
  });
  await check('the invitations arrive at the mail sink', async () => {
    const invited = (address) => (messages) =>
      messages.find((message) => message.to.includes(address) && message.calendar);
    const messages = () => fetch(`${MAIL}/messages`).then((response) => response.json());
    for (const address of ['mia@ci.tandem.example', 'max@ci.tandem.example']) {
      const mail = await until(
        `invitation to ${address}`,
        async () => invited(address)(await messages()),
        60_000,
      );
      console.log(`# ${address}: "${mail.subject}"`);
    }
  });
  console.log(`programme ${programme}`);
}

async function kept(programme) {
  const admin = new Browser();
  await check('after the restart the admin signs in again', () =>
    admin.signIn('ci-admin', 'hanna@ci.tandem.example'),
  );
  await check('the programme runs, with its published pair', async () => {
    const found = await admin.api('GET', `/api/admin/programmes/${programme}`);
    if (found.state !== 'running') throw new Error(`state ${found.state}`);
    const review = await admin.api('GET', `/api/admin/programmes/${programme}/review`);
    const published = review.matches.filter((match) => match.state === 'published');
    if (published.length !== 1)
      throw new Error(`published pairs: ${JSON.stringify(review.matches)}`);
  });
}

const [command, argument] = process.argv.slice(2);
if (command === 'publish') await publish();
else if (command === 'kept') await kept(argument);
else {
  console.log('usage: journey.mjs publish | kept <programme id>');
  process.exit(2);
}
