/**
 * A small stand-in for a browser in tests: keeps cookies per host, follows redirects across
 * sites one hop at a time (so a test can stop at any hop and tamper with it), submits forms.
 * Real HTTP through node's fetch; no page scripts, which Tandem and its IdPs do not need.
 */
export interface Page {
  url: URL;
  status: number;
  headers: Headers;
  body: string;
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Set-Cookie headers seen, newest last, for assertions on cookie attributes. */
  readonly setCookies: string[] = [];

  /**
   * `timeout`: milliseconds before a request gives up, so a hung server fails the test at once.
   * `language`: the Accept-Language header sent with every request.
   */
  constructor(private readonly options: { timeout?: number; language?: string } = {}) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(host, cookies);
  }

  /** One request, no redirect followed. */
  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; origin?: string } = {},
  ): Promise<Page> {
    const target = new URL(url);
    const headers = new Headers();
    const cookies = this.jar.get(target.host);
    if (cookies?.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.origin) headers.set('origin', init.origin);
    if (this.options.language) headers.set('accept-language', this.options.language);
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
      ...(this.options.timeout ? { signal: AbortSignal.timeout(this.options.timeout) } : {}),
    });
    for (const header of response.headers.getSetCookie()) this.store(target.host, header);
    return {
      url: target,
      status: response.status,
      headers: response.headers,
      body: await response.text(),
    };
  }

  /** Follows redirects from `page` until a page that is not one, or until `stopAt` matches a URL about to be requested. */
  async follow(page: Page, stopAt?: (next: URL) => boolean): Promise<Page> {
    let current = page;
    for (let hop = 0; hop < 15; hop++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return current;
      const next = new URL(location, current.url);
      if (stopAt?.(next)) return { ...current, url: next };
      current = await this.request(next);
    }
    throw new Error(`too many redirects from ${page.url}`);
  }

  /** GETs `url` and follows its redirects, as {@link follow} does. */
  async get(url: string | URL, stopAt?: (next: URL) => boolean): Promise<Page> {
    return this.follow(await this.request(url), stopAt);
  }

  /** Submits the form on `page` that contains `marker`, with its hidden inputs plus `extra`. */
  async submit(page: Page, marker: string, extra: Record<string, string> = {}): Promise<Page> {
    const form = [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find(([all]) =>
      all.includes(marker),
    );
    if (!form) throw new Error(`no form with ${marker} on ${page.url}:\n${page.body}`);
    const action =
      /action="([^"]*)"/.exec(form[1] ?? '')?.[1]?.replaceAll('&amp;', '&') ?? page.url.href;
    const fields: Record<string, string> = {};
    for (const [, name, value] of (form[2] ?? '').matchAll(
      /<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
    )) {
      if (name) fields[name] = value ?? '';
    }
    return this.follow(
      await this.request(new URL(action, page.url), { form: { ...fields, ...extra } }),
    );
  }

  private store(host: string, header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const gone = attributes.some(
      (a) =>
        /^\s*max-age=0\s*$/i.test(a) ||
        (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()),
    );
    if (gone || value === '') cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
    this.setCookies.push(header);
  }
}
