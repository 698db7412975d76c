/// <reference lib="dom" />
/**
 * Browser tests against the real thing: a Tandem app in demo mode on a database of its own,
 * listening on 127.0.0.1, serving the built web app (web/dist, which `pnpm test` builds first),
 * driven by Debian's chromium through playwright-core. One site and one browser per test file;
 * each test opens its own browser contexts (separate cookie jars, so a participant and the admin
 * can act side by side).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { seedDemo } from '../../../server/src/demo/seed-demo.js';
import { freePort } from '../../../server/src/free-port.js';
import { curriculumDefaults } from '../../../server/src/modules/programmes/programme-service.js';
import { buildTestApp } from '../../../server/test/helpers/build-test-app.js';
import { createTestDatabase } from '../../../server/test/helpers/database.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(new URL('../../package.json', import.meta.url));

/**
 * Where `pnpm --filter @tandem/web build` puts the web app; TANDEM_TEST_WEB_ROOT points the
 * tests at a build of your own (`vite build --outDir …`) without touching web/dist.
 */
export const WEB_ROOT = process.env.TANDEM_TEST_WEB_ROOT ?? join(repo, 'web', 'dist');
/** Committed screenshots of the main pages, rewritten only with TANDEM_SCREENSHOTS=1. */
const SCREENSHOTS = join(repo, 'docs', 'screenshots');
/** How long one browser action or wait may take before the test fails (a loaded 2-core CI). */
export const ACTION_TIMEOUT = 60_000;

export type Language = 'de' | 'en';

export interface TandemSite {
  /** The app's PUBLIC_URL: http://127.0.0.1:<port>, or http://localhost:<port> (`publicHost`). */
  url: string;
  port: number;
  app: Awaited<ReturnType<typeof buildTestApp>>;
  databaseUrl: string;
  /**
   * A fresh browser context (own cookies) with one page, closed when `t` ends. On a failure of
   * `t` the page is saved as a screenshot to a temp folder first, and its path printed.
   */
  open(t: Test, options?: OpenOptions): Promise<Page>;
}

export interface OpenOptions {
  /** The browser's language (navigator.languages), which the app follows until someone chooses. */
  language?: Language;
  width?: number;
  height?: number;
}

/**
 * Builds and starts the site for one test file. `worker`: run the job worker in process, for
 * journeys that need jobs (matching runs, invitations). `publicHost: 'localhost'`: PUBLIC_URL
 * names localhost, and the site listens on every loopback address localhost has, so that
 * http://127.0.0.1:<port> reaches it too (as `tandem start` does by default).
 */
export async function startTandem(
  t: Test,
  options: { worker?: boolean; env?: Record<string, string>; publicHost?: 'localhost' } = {},
): Promise<TandemSite> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`${WEB_ROOT} has no index.html: run \`pnpm --filter @tandem/web build\` first`);
  const port = await freePort();
  const host = options.publicHost ?? '127.0.0.1';
  const url = `http://${host}:${port}`;
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, {
    databaseUrl,
    demo: true,
    env: {
      PUBLIC_URL: url,
      WEB_ROOT,
      WORKER_IN_PROCESS: options.worker ? 'true' : 'false',
      ...options.env,
    },
  });
  await seedDemo(app.orm.em.fork(), (curriculum) => curriculumDefaults(app.plugins, curriculum));
  await app.listen({ host, port });
  const browser = await launchBrowser();
  // Teardowns run last-in first-out: the browser (and its /ws connections) goes before the app.
  t.teardown(() => browser.close());

  return {
    url,
    port,
    app,
    databaseUrl,
    async open(test, { language = 'de', width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({
        baseURL: url,
        locale: language === 'de' ? 'de-DE' : 'en-GB',
        viewport: { width, height },
        reducedMotion: 'reduce',
      });
      context.setDefaultTimeout(ACTION_TIMEOUT);
      const page = await context.newPage();
      const problems = watchProblems(page);
      test.teardown(async () => {
        if (!test.passing()) await saveFailure(test, page, problems);
        await context.close();
      });
      return page;
    },
  };
}

function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `no chromium at ${executablePath}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** Uncaught errors and console errors of a page, printed when its test fails. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A 401 is how the app learns nobody is signed in; not a problem.
    if (message.type() === 'error' && !/status of 401/.test(message.text()))
      problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

async function saveFailure(t: Test, page: Page, problems: string[]): Promise<void> {
  if (page.isClosed()) return;
  try {
    const folder = await mkdtemp(join(tmpdir(), 'tandem-browser-failure-'));
    const path = join(folder, `${t.name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`);
    await page.screenshot({ path, fullPage: true, timeout: 5_000 });
    t.comment(`failed at ${page.url()}; screenshot: ${path}`);
  } catch (error) {
    t.comment(`failed at ${page.url()}; no screenshot: ${(error as Error).message}`);
  }
  for (const problem of problems) t.comment(problem);
}

/** Signs `page` in as the demo person `personName` through /auth/login and the demo IdP. */
export async function signIn(page: Page, personName: string): Promise<void> {
  await page.goto('/auth/login');
  // Each person is a form whose button shows the name (then job title and department).
  await page.getByRole('button', { name: personName }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
  await page.getByRole('button', { name: /^(Abmelden|Sign out)$/ }).waitFor();
}

/** Opens `path` in the app and waits until its page heading is shown. */
export async function visit(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  return pageHeading(page);
}

/** The page's one h1 (the shell's gates and every page have one), once visible. */
export async function pageHeading(page: Page): Promise<Locator> {
  const heading = page.locator('main h1');
  await heading.waitFor();
  return heading;
}

/**
 * Waits for the open dialog named `name` and returns it with its content: <tandem-dialog> puts
 * the native <dialog> in its shadow root and the content and buttons in slots, which are no DOM
 * descendants of the <dialog>, so a locator scoped to the dialog role would not find them.
 */
export async function openDialog(page: Page, name: string | RegExp): Promise<Locator> {
  await page.getByRole('dialog', { name }).waitFor();
  return page.locator('tandem-dialog').filter({ has: page.getByRole('dialog', { name }) });
}

/** Waits until the dialog named `name` is closed. */
export function dialogClosed(page: Page, name: string | RegExp): Promise<void> {
  return page.getByRole('dialog', { name }).waitFor({ state: 'hidden' });
}

/** Switches the app's language with the shell's button, as a person would. */
export async function switchLanguage(page: Page, to: Language): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === to) return;
  await page
    .getByRole('button', { name: to === 'de' ? 'Auf Deutsch wechseln' : 'Switch to English' })
    .click();
  await until(
    () => page.evaluate(() => document.documentElement.lang),
    (lang) => lang === to,
    `the page to switch to ${to}`,
  );
}

let axeSource: Promise<string> | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) on the page as it is and fails `t`
 * with every violation: rule, impact, the elements (shadow DOM paths) and what would fix it.
 */
export async function checkA11y(t: Test, page: Page, label: string): Promise<void> {
  t.same(await axeViolations(page), [], `axe: no violations on ${label}`, { url: page.url() });
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** Each a path of selectors through shadow roots: tandem-app >>> page >>> element. */
  targets: string[];
  fix: string | undefined;
}

/** What axe finds wrong on the page as it is now. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline
  // scripts) does not govern; a <script> tag would be refused.
  await page.evaluate(`${source}\n;0`);
  const violations = (await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
    };
    const result = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })) as { violations: unknown };
    return result.violations;
  })) as AxeViolation[];
  return violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.flat().join(' >>> ')),
    fix: violation.nodes[0]?.failureSummary,
  }));
}

/**
 * Saves docs/screenshots/<name>.png (the viewport, 1280×800 by default) when TANDEM_SCREENSHOTS=1,
 * so ordinary runs leave the committed pictures alone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.TANDEM_SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOTS, { recursive: true });
  // No hover effect on the last button clicked.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}

/**
 * Polls `read` until `done` holds of its value, or fails after `timeout` with what it waited
 * for and the last value: for conditions no locator expresses (focus, computed styles).
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeout = ACTION_TIMEOUT,
): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  for (let delay = 25; !done(value); delay = Math.min(delay * 2, 250)) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    value = await read();
  }
  return value;
}

/**
 * Presses Tab until `wanted` holds of the focused element, as a keyboard user moves through a
 * page; fails after `max` presses, naming `what` it looked for.
 */
export async function tabTo(
  page: Page,
  wanted: (element: FocusedElement) => boolean,
  what: string,
  max = 60,
): Promise<FocusedElement> {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element && wanted(element)) return element;
  }
  throw new Error(`Tab did not reach ${what} within ${max} presses`);
}

/** What has keyboard focus, through shadow roots: tag, text and accessible hints. */
export function focused(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      id: element.id,
      href: element.getAttribute('href'),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      inDialog: insideDialog(element),
    };
    /** Through slots and shadow hosts up to the document: is there an open <dialog> around? */
    function insideDialog(start: Element): boolean {
      let node: Node | null = start;
      while (node) {
        if (node instanceof HTMLDialogElement) return node.open;
        node =
          (node instanceof Element && node.assignedSlot) ||
          node.parentNode ||
          (node instanceof ShadowRoot ? node.host : null);
      }
      return false;
    }
  });
}

export interface FocusedElement {
  tag: string;
  text: string;
  id: string;
  href: string | null;
  outlineStyle: string;
  outlineWidth: number;
  inDialog: boolean;
}
