/** The media type of SCIM messages (RFC 7644 §3.1); clients may also send application/json. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';
