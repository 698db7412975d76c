import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, {
  type Account,
  type ClientMetadata,
  type Configuration,
  errors,
  type Interaction,
  type JWK,
} from 'oidc-provider';
import { PLAIN_PAGE_CSS, pageLanguage } from '../../http/plain-page.js';
import {
  type LoginPageGroup,
  type PageContext,
  renderErrorPage,
  renderLoggedOutPage,
  renderLoginPage,
  renderLogoutPage,
} from './pages.js';

export interface DevIdpAccount {
  /** The `sub`. */
  subject: string;
  name: string;
  email: string;
  department?: string;
  /** Job title. */
  title?: string;
  /** For example `['tandem-admin']`. */
  groups: string[];
  locale?: 'de' | 'en';
  /** The id of the group (DevIdpOptions.groups) the sign-in page lists the account under. */
  group?: string;
}

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri?: string;
}

export interface DevIdpOptions {
  /** For example `http://127.0.0.1:4321/dev-idp` or `http://localhost:3000/dev-idp`; a path prefix is allowed. */
  issuer: string;
  clients: DevIdpClient[];
  accounts: DevIdpAccount[];
  /** Headings for the sign-in page, in their order; without, the accounts are one list. */
  groups?: LoginPageGroup[];
}

export interface DevIdp {
  /** Node request handler for every URL under the issuer's path (requests keep their full path, e.g. /dev-idp/auth?...). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Accounts can change at run time (tests change an email or groups between logins). */
  accounts: Map<string, DevIdpAccount>;
}

/** `<issuer path>/interaction/:uid` (the sign-in page) and `.../:uid/login` (its forms' target). */
const INTERACTION = /^\/interaction\/([\w-]+)(\/login)?$/;
const FORM_LIMIT = 16 * 1024;

/** A request as oidc-provider reads it when mounted below a path (the connect/express convention). */
type MountedRequest = IncomingMessage & { originalUrl?: string; baseUrl?: string; body?: unknown };

/**
 * A real OpenID Provider (oidc-provider) for development, the demo and tests: authorization code
 * flow with PKCE, the accounts given here to pick from on a sign-in page without passwords,
 * RP-initiated and back-channel logout. State lives in memory; signing and cookie keys are made
 * fresh for each process.
 *
 * `handle` serves everything below the issuer's path. oidc-provider's routes are relative to its
 * mount point, so the issuer's path is cut off `req.url` before the request reaches it and named
 * as `req.baseUrl`, from which it builds its absolute URLs (see "Mounting oidc-provider" in its
 * documentation). The sign-in pages are answered here, before oidc-provider.
 */
export function createDevIdp(options: DevIdpOptions): DevIdp {
  const prefix = new URL(options.issuer).pathname.replace(/\/+$/, '');
  const accounts = new Map(options.accounts.map((account) => [account.subject, account]));

  const stylesheet = `${prefix}/page.css`;
  /** The language and stylesheet of a page for a browser that accepts these languages. */
  const pageFor = (acceptLanguage: string | undefined): PageContext => ({
    language: pageLanguage(acceptLanguage),
    stylesheet,
  });
  const provider = new Provider(options.issuer, configuration(options, prefix, accounts, pageFor));
  // oidc-provider puts `sid` into ID tokens only for clients registered with a back-channel
  // logout URI. Tandem records the IdP session of every sign-in, so every client gets it here.
  provider.Client.prototype.includeSid = () => true;

  const callback = provider.callback();

  const interaction = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    login: boolean,
  ): Promise<void> => {
    const page = pageFor(req.headers['accept-language']);
    let details: Interaction;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      if (error instanceof errors.SessionNotFound) {
        sendHtml(
          res,
          400,
          renderErrorPage(page, 'invalid_request', 'the sign-in has expired; start again'),
        );
        return;
      }
      throw error;
    }
    if (details.uid !== uid) {
      sendHtml(
        res,
        400,
        renderErrorPage(page, 'invalid_request', 'this is not the current sign-in'),
      );
      return;
    }

    if (!login) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendHtml(res, 405, renderErrorPage(page, 'method_not_allowed'), { allow: 'GET, HEAD' });
        return;
      }
      if (details.prompt.name === 'login') {
        const clientId = String(details.params.client_id);
        sendHtml(
          res,
          200,
          renderLoginPage(page, {
            action: `${prefix}/interaction/${uid}/login`,
            clientId,
            accounts: accounts.values(),
            ...(options.groups ? { groups: options.groups } : {}),
          }),
        );
        return;
      }
      // Any other prompt is consent: granted without asking, this IdP only knows Tandem.
      const accountId = details.session?.accountId;
      if (!accountId) {
        sendHtml(
          res,
          400,
          renderErrorPage(page, 'invalid_request', 'no signed-in account to consent for'),
        );
        return;
      }
      const grantId = await grantRequested(details, accountId, details.grantId);
      await provider.interactionFinished(req, res, { consent: { grantId } });
      return;
    }

    if (req.method !== 'POST') {
      sendHtml(res, 405, renderErrorPage(page, 'method_not_allowed'), { allow: 'POST' });
      return;
    }
    const form = await readForm(req);
    if (!form) {
      sendHtml(
        res,
        400,
        renderErrorPage(
          page,
          'invalid_request',
          'expected a form (application/x-www-form-urlencoded) of at most 16 KiB',
        ),
      );
      return;
    }
    if (form.get('cancel')) {
      // What a real IdP answers when the person cancels: the client hears access_denied.
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The sign-in was cancelled.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const subject = form.get('subject');
    if (!subject || !accounts.has(subject)) {
      sendHtml(res, 400, renderErrorPage(page, 'invalid_request', 'unknown account'));
      return;
    }
    // Sign-in and consent in one: a fresh grant of everything the client asked for.
    const grantId = await grantRequested(details, subject, undefined);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: subject }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  /** Saves a grant (the existing one, or a new one) of the requested scopes and claims. */
  const grantRequested = async (
    details: Interaction,
    accountId: string,
    existingGrantId: string | undefined,
  ): Promise<string> => {
    const clientId = String(details.params.client_id);
    const grant =
      (existingGrantId ? await provider.Grant.find(existingGrantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    if (typeof details.params.scope === 'string') grant.addOIDCScope(details.params.scope);
    const missing = details.prompt.details;
    if (Array.isArray(missing.missingOIDCScope))
      grant.addOIDCScope(missing.missingOIDCScope.map(String));
    if (Array.isArray(missing.missingOIDCClaims))
      grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
    return grant.save();
  };

  return {
    accounts,
    handle(req, res) {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const pathname = query === -1 ? url : url.slice(0, query);
      if (prefix && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
        sendHtml(res, 404, renderErrorPage(pageFor(req.headers['accept-language']), 'not_found'));
        return;
      }
      const path = pathname.slice(prefix.length) || '/';
      if (path === '/page.css') {
        res.writeHead(200, {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'public, max-age=3600',
        });
        res.end(PLAIN_PAGE_CSS);
        return;
      }

      const match = INTERACTION.exec(path);
      if (match?.[1]) {
        interaction(req, res, match[1], Boolean(match[2])).catch((error: unknown) => {
          if (res.headersSent) {
            res.destroy();
            return;
          }
          sendHtml(
            res,
            500,
            renderErrorPage(
              pageFor(req.headers['accept-language']),
              'server_error',
              error instanceof Error ? error.message : String(error),
            ),
          );
        });
        return;
      }

      const mounted = req as MountedRequest;
      mounted.url = path + (query === -1 ? '' : url.slice(query));
      // oidc-provider takes its mount path from `originalUrl` first, then `baseUrl`.
      mounted.originalUrl = undefined;
      mounted.baseUrl = prefix;
      void callback(req, res);
    },
  };
}

function configuration(
  options: DevIdpOptions,
  prefix: string,
  accounts: Map<string, DevIdpAccount>,
  pageFor: (acceptLanguage: string | undefined) => PageContext,
): Configuration {
  return {
    clients: options.clients.map(clientMetadata),
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      if (!accounts.has(sub)) return undefined;
      return {
        accountId: sub,
        // Read at the time of asking, so that changes to `accounts` show in the next tokens.
        claims: () => {
          const account = accounts.get(sub);
          if (!account) return { sub };
          return {
            sub,
            name: account.name,
            email: account.email,
            email_verified: true,
            groups: account.groups,
            ...(account.department ? { department: account.department } : {}),
            ...(account.title ? { title: account.title } : {}),
            ...(account.locale ? { locale: account.locale } : {}),
          };
        },
      };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'department', 'title', 'groups', 'locale'],
      sid: null,
      auth_time: null,
      iss: null,
    },
    scopes: ['openid', 'profile', 'email'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    conformIdTokenClaims: false,
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(pageFor(ctx.get('accept-language')), form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage(
            pageFor(ctx.get('accept-language')),
            ctx.oidc.client?.clientId,
          );
        },
      },
    },
    interactions: {
      url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}`,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderErrorPage(
        pageFor(ctx.get('accept-language')),
        out.error,
        out.error_description,
      );
    },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // The IdP's session cookie stays below the issuer's path, away from the app serving it.
      long: { path: prefix || '/' },
    },
    jwks: { keys: [signingKey()] },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      Session: 14 * 24 * 60 * 60,
    },
    // oidc-provider passes a dispatcher refusing loopback and private addresses. The back-channel
    // logout URIs here are configured, not registered by strangers, and are loopback (Tandem).
    fetch: (input, init) => {
      const { dispatcher: _dispatcher, ...rest } = (init ?? {}) as RequestInit & {
        dispatcher?: unknown;
      };
      return fetch(input, rest);
    },
  };
}

function clientMetadata(client: DevIdpClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(client.backchannelLogoutUri
      ? {
          backchannel_logout_uri: client.backchannelLogoutUri,
          backchannel_logout_session_required: true,
        }
      : {}),
  };
}

/** A fresh RSA key for RS256, made for this process. */
function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** The urlencoded form body; undefined when it is not one or too large. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  if (!req.readable) {
    // Already read by a framework in front (which should then leave it as `req.body`).
    const body = (req as MountedRequest).body;
    if (typeof body === 'string') return new URLSearchParams(body);
    if (body && typeof body === 'object') {
      const entries = Object.entries(body).filter(([, value]) => typeof value === 'string');
      return new URLSearchParams(entries as [string, string][]);
    }
    return new URLSearchParams();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(html);
}
