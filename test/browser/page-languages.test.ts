/**
 * Every page of the web app speaks one language: rendered in German, no sentence of the
 * English catalogue is on it; rendered in English, none of the German one; and in neither a
 * raw message id. "Every page" is every route of the router (with the demo's programme and a
 * published pair for its ids), plus the signed-out start page. The matching review shows a
 * finished run, so the strategy's reasons and the unmatched reasons are on it; the tandem
 * page shows the pair's plan; a lunch round is drawn (the participant's lunch, the admin's
 * rounds) and a self-service programme shows suggestions with their reasons and a request.
 */
import type { Page } from 'playwright-core';
import t from 'tap';
import { startDueLunchRounds } from '../../server/src/modules/matching/lunch-rounds.js';
import { sql } from '../../server/test/helpers/database.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { signedInAs } from '../../server/test/helpers/sessions.js';
import { DIGITAL_FIT, enrolmentId, MYSTERY_LUNCH, programmeId } from './helpers/demo-data.js';
import {
  type Catalogue,
  englishCatalogue,
  germanCatalogue,
  telltales,
} from './helpers/message-catalogues.js';
import { askPartner, selfServiceProgramme } from './helpers/self-service.js';
import {
  type Language,
  signIn,
  startTandem,
  switchLanguage,
  until,
  visit,
} from './helpers/tandem-browser.js';
import { webRoutes } from './helpers/web-routes.js';

t.setTimeout(900_000);

const PARTICIPANT = 'Aylin Demir';
const PARTNER = 'Thomas Schulze';
const ADMIN = 'Matthias Keller';

const english = englishCatalogue();
const german = await germanCatalogue();
const foreignOn: Record<Language, Map<string, string>> = {
  de: telltales(english, german),
  en: telltales(german, english),
};

t.test('the catalogues are read: the check is not blind', async (t) => {
  t.ok(english.ids.length > 500 && german.ids.length > 500, 'hundreds of messages each');
  t.equal(foreignOn.de.get('Weight'), undefined, 'single words are left out');
  t.equal(
    foreignOn.de.get('Everyone has a partner.'),
    'matching.unmatched.none',
    'an English sentence is looked for on German pages',
  );
  t.equal(foreignOn.en.get('Jede Person behält ihre Rolle'), undefined, 'only whole pieces');
});

const site = await startTandem(t, { worker: true });
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTICIPANT, DIGITAL_FIT), role: 'mentor' },
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTNER, DIGITAL_FIT), role: 'mentee' },
]);
await runMatching(digitalFit);
const mysteryLunch = await programmeId(site.databaseUrl, MYSTERY_LUNCH);
await drawLunchRound();
// Choosing one's tandem, with suggestions and their reasons, and a request to answer.
const selfService = await selfServiceProgramme(site.app, site.databaseUrl, ADMIN, [
  { name: PARTICIPANT, role: 'mentor', skills: ['ai-assistants', 'video-meetings'] },
  { name: 'Gabriele Schmitt', role: 'mentee', skills: ['ai-assistants'] },
  { name: 'Bernd Fischer', role: 'mentee', skills: ['video-meetings', 'e-file'] },
]);
await askPartner(site.app, site.databaseUrl, selfService, 'Gabriele Schmitt', PARTICIPANT, 'Gern!');

/** Draws the lunch's first round (the participant is in it) and waits until it is published. */
async function drawLunchRound(): Promise<void> {
  await startDueLunchRounds(site.app.orm.em);
  await until(
    () =>
      sql<{ published: number }>(
        site.databaseUrl,
        `SELECT count(*)::int AS published FROM match WHERE programme_id = $1 AND state = 'published'`,
        [mysteryLunch],
      ),
    ([row]) => (row?.published ?? 0) > 0,
    'the lunch round published',
  );
}

/** Runs the programme's matching, as the admin's button does, and waits until it is done. */
async function runMatching(programme: string): Promise<void> {
  const hr = await signedInAs(site.app, { subject: 'languages-hr', name: 'HR', roles: ['admin'] });
  const started = await site.app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme}/matching-runs`,
    cookies: hr.cookies,
  });
  const { id } = started.json() as { id: string };
  for (let i = 0; i < 600; i++) {
    const run = await site.app.inject({
      url: `/api/admin/matching-runs/${id}`,
      cookies: hr.cookies,
    });
    const { state } = run.json() as { state: string };
    if (state === 'succeeded') return;
    if (state === 'failed') throw new Error(`the matching run failed: ${run.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the matching run did not finish');
}

/** A route's address with the fixture's ids; undefined for a parameter the fixture lacks. */
function pathOf(route: string): string | undefined {
  const path = route.replace(':pairId', pairId).replace(':id', digitalFit);
  return path.includes(':') ? undefined : path;
}

const routes = [...new Set(webRoutes().map((route) => route.path))];
const pages = {
  visitor: ['/', '/accessibility'],
  // The running lunch's enrolment page says why enrolling is not possible.
  participant: [
    ...routes.filter((route) => !route.startsWith('/admin')),
    `/programmes/${mysteryLunch}/enrol`,
    `/programmes/${selfService}/partners`,
  ],
  admin: [
    ...routes.filter((route) => route.startsWith('/admin')),
    `/admin/programmes/${mysteryLunch}/lunch`,
  ],
};

for (const who of ['visitor', 'participant', 'admin'] as const) {
  t.test(`${who}: every page in German and in English speaks only that language`, async (t) => {
    const page = await site.open(t, { language: 'de' });
    if (who !== 'visitor') await signIn(page, who === 'admin' ? ADMIN : PARTICIPANT);
    for (const language of ['de', 'en'] as const)
      for (const route of pages[who]) {
        const path = pathOf(route);
        if (!path) {
          t.comment(`${route}: no id for it in the fixture`);
          continue;
        }
        await visit(page, path);
        await switchLanguage(page, language);
        await settle(page);
        const text = await pageText(page, language);
        t.same(
          foreignSentences(text, foreignOn[language]),
          [],
          `${who}: ${route} in ${language} has no sentence of the other language`,
        );
        t.same(rawIds(text, language === 'de' ? german : english), [], `${route}: no raw ids`);
        if (language === 'de')
          t.same(englishLines(text), [], `${route} in de: no English from the server either`);
        // The demo's people and programmes speak German; the plan is the curriculum's.
        if (language === 'en' && route.startsWith('/tandem'))
          t.same(germanLines(text), [], `${route} in en: the plan in English`);
      }
  });
}

function foreignSentences(text: string, foreign: Map<string, string>): string[] {
  return [...foreign]
    .filter(([piece]) => text.includes(piece))
    .map(([piece, id]) => `${id}: ${piece}`);
}

/** The small words of English that German never uses, and of German that English never uses. */
const ENGLISH = new Set(
  'the and of is are they their them with for not has have who would to by be'.split(' '),
);
const GERMAN = new Set(
  'der die das und ist nicht mit für ihr euch eure euer sie ein eine einen zu den dem des auf wie oder'.split(
    ' ',
  ),
);

/**
 * Lines of the page in a language though no catalogue has them — the server's sentences, such
 * as a strategy's reasons, or a curriculum's texts: at least four words, a quarter of them
 * small words of that language.
 */
function linesIn(small: Set<string>, text: string): string[] {
  return text.split('\n').filter((line) => {
    const words = line
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    const found = words.filter((word) => small.has(word));
    return words.length >= 4 && new Set(found).size >= 2 && found.length * 4 >= words.length;
  });
}

/** English sentences on a page: the demo's own content is German, so a German page has none. */
const englishLines = (text: string) => linesIn(ENGLISH, text);

/** German sentences on a page. */
const germanLines = (text: string) => linesIn(GERMAN, text);

function rawIds(text: string, catalogue: Catalogue): string[] {
  const words = new Set(text.split(/[\s,;:()„“"']+/));
  return catalogue.ids.filter((id) => id.includes('.') && words.has(id));
}

/**
 * Everything a person reads or hears on the page: its text, through every shadow root, and the
 * labels of elements (aria-label, title, alt, placeholder). Parts marked as another language
 * (`lang`, such as the switch to the other language) are left out, as they should be.
 */
function pageText(page: Page, language: Language): Promise<string> {
  return page.evaluate((lang) => {
    const texts: string[] = [];
    const walk = (node: Node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) {
          texts.push((child.textContent ?? '').replace(/\s+/g, ' ').trim());
          continue;
        }
        if (!(child instanceof Element) || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(child.tagName))
          continue;
        const own = child.getAttribute('lang');
        if (own && own.slice(0, 2) !== lang) continue;
        for (const name of ['aria-label', 'title', 'alt', 'placeholder'])
          texts.push(child.getAttribute(name) ?? '');
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(document.body);
    return texts.filter(Boolean).join('\n');
  }, language);
}

/** Waits until nothing is loading any more: no "Loading…" status, no request under way. */
async function settle(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /Loading|Wird geladen/ })
    .first()
    .waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
}
