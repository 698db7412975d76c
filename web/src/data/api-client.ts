/**
 * The one place the web app talks HTTP. Every API function in data/ goes through `api`, so
 * credentials, JSON, and errors are handled alike: an answer other than 2xx becomes an
 * `ApiError` carrying the server's sentence for people (`message`), never a stack trace.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
  const fallback = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { message?: unknown };
    return new ApiError(
      response.status,
      typeof body.message === 'string' ? body.message : fallback,
    );
  } catch {
    return new ApiError(response.status, fallback);
  }
}
