/**
 * Why a sign-in was refused; each reason is audited and answered with a clear 4xx/5xx and a page
 * in the person's language (sign-in-failure-page.ts). The message is for logs and API callers.
 */
export type LoginFailure =
  | 'return-to-off-site'
  | 'no-login-attempt'
  | 'state-mismatch'
  | 'access-denied'
  | 'idp-error'
  | 'token-rejected'
  | 'idp-unreachable'
  | 'account-deactivated';

const ANSWERS: Record<LoginFailure, { statusCode: number; message: string }> = {
  'return-to-off-site': {
    statusCode: 400,
    message: 'returnTo must be a path on this site, such as /programmes.',
  },
  'no-login-attempt': {
    statusCode: 400,
    message: 'This sign-in has expired or was already used. Please sign in again.',
  },
  'state-mismatch': {
    statusCode: 400,
    message: 'This sign-in does not belong to this browser. Please sign in again.',
  },
  'access-denied': {
    statusCode: 400,
    message: 'The sign-in was cancelled or refused at the identity provider.',
  },
  'idp-error': { statusCode: 400, message: 'The identity provider did not sign you in.' },
  'token-rejected': {
    statusCode: 400,
    message: "The identity provider's answer did not pass the checks. Please sign in again.",
  },
  'account-deactivated': {
    statusCode: 403,
    message: 'This account was deactivated by the organisation’s directory.',
  },
  'idp-unreachable': {
    statusCode: 502,
    message: 'The identity provider cannot be reached right now. Please try again later.',
  },
};

export class LoginError extends Error {
  override readonly name = 'LoginError';
  readonly statusCode: number;
  /** Where the refused sign-in was to lead (a checked path of this site), when it is known. */
  returnTo: string | undefined;

  constructor(
    readonly reason: LoginFailure,
    /** For the audit log and the server log, never for the browser. */
    readonly detail?: string,
  ) {
    super(ANSWERS[reason].message);
    this.statusCode = ANSWERS[reason].statusCode;
  }
}
