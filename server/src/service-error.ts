/** What went wrong, in terms a caller can act on; the HTTP layer maps each to a status. */
export type ServiceErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict';

/** The values a refusal's wording takes, such as `{ state: 'expired' }`. */
export type ServiceErrorParams = Record<string, string | number>;

/**
 * A request a service refuses for a reason the caller can understand. The message is an
 * English sentence for API users, so it must carry no internals; `code` (with `params`) names
 * the refusal for the web app, which words it in the reader's language. Without a code the
 * error body carries the kind, and the app words that generically.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
    readonly code: string = kind,
    readonly params: ServiceErrorParams = {},
  ) {
    super(message);
  }
}
