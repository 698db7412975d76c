/** The schema URN of a SCIM error body (RFC 7644 §3.12). */
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The detail error types of RFC 7644 §3.12 that Tandem answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidValue'
  | 'noTarget'
  | 'uniqueness'
  | 'mutability'
  | 'tooMany';

export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

/**
 * A SCIM request refused for a reason the provisioning client can act on. The detail is an
 * English sentence for the operator reading the identity provider's provisioning log, so it
 * carries no internals.
 */
export class ScimError extends Error {
  override readonly name = 'ScimError';

  constructor(
    readonly status: 400 | 404 | 409 | 413 | 501,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

/** The body of a SCIM error: status as a string, as RFC 7644 has it. */
export function scimErrorBody(status: number, detail: string, scimType?: ScimType): ScimErrorBody {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}
