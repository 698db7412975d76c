/** What went wrong, in terms a caller can act on; the HTTP layer maps each to a status. */
export type ServiceErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict';

/**
 * A request a service refuses for a reason the caller can understand: the message is shown
 * as it is, so it must be a sentence for people and carry no internals.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
  ) {
    super(message);
  }
}
