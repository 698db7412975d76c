import { NOT_FOUND, ROUTES, type RouteDefinition } from './routes.js';

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
  query: URLSearchParams;
}

const compiled = ROUTES.map((route) => ({ route, pattern: toPattern(route.path) }));

function toPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : escapeRegExp(segment),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The page for a URL, with its path parameters (decoded) and query. */
export function matchRoute(url: URL): RouteMatch {
  for (const { route, pattern } of compiled) {
    const found = pattern.exec(url.pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(found.groups ?? {})) {
      params[name] = decodeURIComponent(value);
    }
    return { route, params, query: url.searchParams };
  }
  return { route: NOT_FOUND, params: {}, query: url.searchParams };
}

/** The event <tandem-app> listens for; any component may dispatch it through `navigate`. */
export const NAVIGATE = 'tandem-navigate';

/** Goes to another page of the app without reloading, as a link click does. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE));
}

/**
 * Turns clicks on same-origin links (also inside shadow roots) into in-app navigation. Links
 * to the server's own routes (/auth, /api) and modified clicks (new tab) stay browser
 * navigations.
 */
export function interceptLinks(root: EventTarget): void {
  root.addEventListener('click', (event) => {
    if (!(event instanceof MouseEvent) || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    if (!(anchor instanceof HTMLAnchorElement) || !isAppLink(anchor)) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  });
}

function isAppLink(anchor: HTMLAnchorElement): boolean {
  if (anchor.target || anchor.hasAttribute('download')) return false;
  if (anchor.origin !== location.origin) return false;
  // A link to a spot on this page (the skip link) is the browser's business.
  if (anchor.hash && anchor.pathname === location.pathname) return false;
  return !/^\/(api|auth|dev-idp|health|ws)(\/|$)/.test(anchor.pathname);
}
