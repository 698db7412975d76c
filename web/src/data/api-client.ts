import { type ErrorParams, errorWording } from './error-wording.js';

/**
 * The one place the web app talks HTTP. Every API function in data/ goes through `api`, so
 * credentials, JSON, and errors are handled alike: an answer other than 2xx becomes an
 * `ApiError` whose `message` words the server's code in the reader's language (the server's
 * English sentence is for API users), never a stack trace.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's code for what went wrong, such as `request.not-pending`, if it gave one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The session ended or never began: the app shows the sign-in page. */
  get signedOut(): boolean {
    return this.status === 401;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

/** Calls the API and returns its JSON body typed as `T` (the server's response schema). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(withQuery(path, options.query), {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The address of a download (a CSV export), with the same query encoding as `api`. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toError(response: Response): Promise<ApiError> {
  const { status } = response;
  try {
    const body = (await response.json()) as { code?: unknown; params?: unknown };
    const code = typeof body.code === 'string' ? body.code : undefined;
    const params = isParams(body.params) ? body.params : {};
    return new ApiError(status, errorWording(status, code, params), code);
  } catch {
    return new ApiError(status, errorWording(status, undefined, {}));
  }
}

function isParams(value: unknown): value is ErrorParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
