/**
 * A page of the web app (web/src/router) that a notification leads to. Only the functions
 * below make one, so no message can link to an address the app has no page for; the web app's
 * tests match each of them against its router.
 */
export type AppPath = string & { readonly appPath: true };

/** The home page: what a person has open, whatever their programmes. */
export const homePage = '/' as AppPath;

/** A pair's own page: partner, meetings, plan, notes. */
export function pairPage(pairId: string): AppPath {
  return `/tandem/${encodeURIComponent(pairId)}` as AppPath;
}

/** A self-service programme's page: suggested partners, and the requests sent and received. */
export function partnersPage(programmeId: string): AppPath {
  return `/programmes/${encodeURIComponent(programmeId)}/partners` as AppPath;
}

/** Where a person joins a programme or sees how their enrolment stands. */
export function enrolPage(programmeId: string): AppPath {
  return `/programmes/${encodeURIComponent(programmeId)}/enrol` as AppPath;
}

/** One request for a line manager's approval, where the manager approves or declines it. */
export function approvalPage(approvalId: string): AppPath {
  return `/approvals/${encodeURIComponent(approvalId)}` as AppPath;
}

/** The signed-in person's certificates of participation, to download. */
export const certificatesPage = '/certificates' as AppPath;
/** One survey of a programme, where a participant answers it. */
export function surveyPage(programmeId: string, survey: string): AppPath {
  return `/surveys/${encodeURIComponent(programmeId)}/${encodeURIComponent(survey)}` as AppPath;
}
