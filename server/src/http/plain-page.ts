/**
 * Server-rendered pages outside the web app: the sign-in failure page and the demo IdP's pages.
 * Semantic HTML in one language, with one stylesheet of the app's colours served from our own
 * origin: no script, no inline style, no event handler attribute, so the strict
 * Content-Security-Policy holds. Every text that comes from outside is escaped by the callers.
 */

export type PageLanguage = 'de' | 'en';

/** The app's design tokens (web/src/styles/global.css), for pages the web app does not render. */
export const PLAIN_PAGE_CSS = `:root {
  --text: #1c2430; --muted: #4a5565; --background: #f6f7f9; --surface: #ffffff;
  --border: #c9cfd8; --primary: #0b5cad; --primary-dark: #084683; --focus: #c2410c;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.5; color: var(--text); background: var(--background);
}
body { margin: 0; }
main { max-width: 44rem; margin: 2rem auto; padding: 1.5rem; background: var(--surface);
  border: 1px solid var(--border); border-radius: 0.5rem; }
@media (max-width: 40rem) { main { margin: 0; border-radius: 0; border-width: 0 0 1px; } }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.25rem; }
.lead, .group-hint, .person-line, .support { color: var(--muted); }
.group-hint { margin: 0 0 0.5rem; }
a { color: var(--primary); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
ul.people { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem;
  grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
ul.people form { margin: 0; height: 100%; }
ul.people button { width: 100%; height: 100%; text-align: left; font: inherit; color: var(--text);
  background: var(--surface); border: 1px solid var(--border); border-radius: 0.5rem;
  padding: 0.6rem 0.8rem; cursor: pointer; }
ul.people button:hover { border-color: var(--primary); background: #eef4fb; }
.person-name { display: block; font-weight: 600; }
.person-line { display: block; font-size: 0.95rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1.5rem; }
.button, .actions button { display: inline-block; font: inherit; font-weight: 600; text-decoration: none;
  color: #ffffff; background: var(--primary); border: 1px solid var(--primary);
  border-radius: 0.5rem; padding: 0.5rem 1rem; cursor: pointer; }
.button:hover, .actions button:hover { background: var(--primary-dark); }
.actions button.secondary { color: var(--primary); background: var(--surface); }
.support { font-size: 0.9rem; margin-top: 1.5rem; }
`;

export interface PlainPage {
  language: PageLanguage;
  title: string;
  /** The page's content inside <main>, escaped by the caller. */
  body: string;
  /** Absolute path of the stylesheet on this origin. */
  stylesheet: string;
}

export function renderPlainPage({ language, title, body, stylesheet }: PlainPage): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
<main>
${body}
</main>
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The language to answer a browser in, from its Accept-Language header: the first of German
 * and English by preference (q), German when it names neither, as the web app does.
 */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  return preferredLanguage(acceptLanguage) ?? 'de';
}

/** The first of German and English by preference (q) in an Accept-Language header, if any. */
export function preferredLanguage(acceptLanguage: string | undefined): PageLanguage | undefined {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1, index };
    })
    .filter(({ base, q }) => (base === 'de' || base === 'en') && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked[0]?.base;
  return first === 'de' || first === 'en' ? first : undefined;
}
