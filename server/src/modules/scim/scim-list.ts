/** The schema URN of a list answer (RFC 7644 §3.4.2). */
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The most resources one page holds, whatever `count` asks for. */
export const MAX_PAGE = 200;

export interface Page {
  /** 1-based, as SCIM counts. */
  startIndex: number;
  count: number;
}

/** The page a query asks for: startIndex below 1 counts as 1, count is capped at MAX_PAGE. */
export function pageOf(query: { startIndex?: number; count?: number }): Page {
  return {
    startIndex: Math.max(1, Math.floor(query.startIndex ?? 1)),
    count: Math.min(MAX_PAGE, Math.max(0, Math.floor(query.count ?? 100))),
  };
}

export function listResponse(resources: object[], totalResults: number, page: Page) {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex: page.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
