import type { InjectOptions } from 'fastify';
import t from 'tap';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import {
  authorizationWorld,
  CALLERS,
  type Caller,
  type ObjectKind,
  type OwnerObjects,
  type World,
} from './helpers/authorization-world.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { scimClient } from './helpers/scim-client.js';
import { sessionFor } from './helpers/sessions.js';
import { startTestIdp, tandemClient } from './helpers/test-idp.js';

/**
 * Who may do what, route by route: the expected status for each caller — nobody signed in,
 * the owner of the objects in the path, another participant of the same programme (in a pair
 * of their own), an admin who takes part in nothing, a programme manager of every programme
 * here, a programme manager of another programme only (the stranger), and a report reader.
 * Tandem answers 404, not 403, for an object someone may not see, so that its existence does
 * not leak: another participant and the admin get 404 on a pair's routes. A role that does not
 * open a route, or a programme not assigned to the manager, is refused with 403. Every route
 * the app registers must have a row here (HEAD routes follow their GET row), and every row must
 * name a registered route: a new route is one more row, built from the helpers below.
 */
type Expected = Record<Caller, number>;

interface Row {
  /** Path parameter → the kind of the owner's object that fills it. */
  params?: Record<string, ObjectKind>;
  query?: string;
  body?: (objects: OwnerObjects) => object;
  expect: Expected;
  /**
   * Changes what other rows rely on (removes, dissolves, answers, signs out): runs after the
   * others, in table order.
   */
  destructive?: true;
  /** Ends the caller's session: called with a session of its own. */
  signsOut?: true;
}

/**
 * A participant's route: programme managers and report readers take part in nothing here,
 * so they get what the admin gets.
 */
const status = (anonymous: number, owner: number, other: number, admin: number): Expected => ({
  anonymous,
  owner,
  other,
  admin,
  manager: admin,
  stranger: admin,
  reader: admin,
});
/** A route needing a Tandem role: participants are told they lack it. */
const staffStatus = (roles: Partial<Record<'admin' | 'manager' | 'stranger' | 'reader', number>>) =>
  ({
    anonymous: 401,
    owner: 403,
    other: 403,
    admin: 403,
    manager: 403,
    stranger: 403,
    reader: 403,
    ...roles,
  }) satisfies Expected;
/** Anyone, signed in or not. */
const everyone = (code: number) => status(code, code, code, code);
/** Any signed-in person, about themselves or something all of them see. */
const signedIn = (code: number) => status(401, code, code, code);
/** Only the members of the pair (or the person) the object belongs to; 404 for the rest. */
const ownerOnly = (code: number) => status(401, code, 404, 404);
/** Admins only: participants and the other roles are told they lack the role. */
const adminOnly = (code: number) => staffStatus({ admin: code });
/**
 * Admins and the programme's managers (`access: 'programme'`); the stranger manages another
 * programme. The manager acts first: where that changes what the admin then finds (a forbid
 * lifted, a pair published), `adminAfter` is what the admin gets.
 */
const programmeAdmin = (code: number, adminAfter = code) =>
  staffStatus({ manager: code, admin: adminAfter });
/** As programmeAdmin, and report readers too (`programme-report`): aggregates only. */
const programmeReport = (code: number) => staffStatus({ manager: code, admin: code, reader: code });
/** Admins and report readers (`reports`). */
const reportsOnly = (code: number) => staffStatus({ admin: code, reader: code });
/** Admins and any programme manager (`managers`): the service narrows the list to theirs. */
const managersOnly = (code: number) => staffStatus({ admin: code, manager: code, stranger: code });
/** Any role (`staff`): the service narrows the answer per role. */
const staff = (code: number) =>
  staffStatus({ admin: code, manager: code, stranger: code, reader: code });
/** SCIM provisioning: an API token with the scope scim only, never a session (see below). */
const scimOnly = status(401, 403, 403, 403);

const pair = { id: 'pair' } as const;
const session = { id: 'pair', sessionId: 'session' } as const;

const MATRIX: Record<string, Row> = {
  // Around the API: open to anyone.
  'GET /': { expect: everyone(200) },
  'GET /*': { params: { '*': 'webPage' }, expect: everyone(200) },
  'GET /assets/*': { params: { '*': 'asset' }, expect: everyone(200) },
  'GET /favicon.svg': { expect: everyone(200) },
  'GET /health/live': { expect: everyone(200) },
  'GET /health/ready': { expect: everyone(200) },
  'GET /api/openapi.json': { expect: everyone(200) },
  'GET /api/site': { expect: everyone(200) },
  // A certificate's statements, for whoever holds its number.
  'GET /api/certificates/:number': { params: { number: 'certificate' }, expect: everyone(200) },
  // Sign-in goes to the IdP; a callback without a sign-in under way and a forged logout token
  // are refused; signing out works for anyone.
  'GET /auth/login': { expect: everyone(303) },
  'GET /auth/callback': { query: 'code=forged&state=forged', expect: everyone(400) },
  'POST /auth/logout': { expect: everyone(303), signsOut: true },
  // The stylesheet of the sign-in failure page.
  'GET /auth/page.css': { expect: everyone(200) },
  'POST /auth/backchannel-logout': {
    body: () => ({ logout_token: 'forged' }),
    expect: everyone(400),
  },
  // Live events: signed in only; a plain GET without an upgrade finds no page (the upgrade
  // itself is covered by realtime.test.ts).
  'GET /ws': { expect: signedIn(404) },

  // The signed-in person's own things.
  'GET /api/me': { expect: signedIn(200) },
  'GET /api/me/export': { expect: signedIn(200) },
  'GET /api/me/preferences': { expect: signedIn(200) },
  'PUT /api/me/preferences': {
    body: () => ({ locale: 'de', mutedChannels: [], channelAddresses: {} }),
    expect: signedIn(200),
  },
  'GET /api/me/profile': { expect: signedIn(200) },
  'PUT /api/me/profile': { body: () => EMPTY_PROFILE, expect: signedIn(200) },
  'GET /api/people': { query: 'query=Olga', expect: signedIn(200) },
  'GET /api/skills': { expect: signedIn(200) },
  'GET /api/me/inbox': { expect: signedIn(200) },
  'GET /api/me/certificates': { expect: signedIn(200) },
  // The caller's own certificate of the programme: only the owner's pair ran its course there.
  'GET /api/me/certificates/:id/pdf': { params: { id: 'programme' }, expect: ownerOnly(200) },
  'POST /api/me/inbox/:id/read': { params: { id: 'notification' }, expect: ownerOnly(200) },
  'POST /api/me/inbox/read': { expect: signedIn(200) },
  'GET /api/meetings': { expect: signedIn(200) },
  'POST /api/meetings/:id/rsvp': {
    params: { id: 'meeting' },
    body: () => ({ response: 'accepted' }),
    expect: ownerOnly(200),
  },

  // Programmes as participants see them: any that is not a draft; one's own enrolment.
  'GET /api/programmes': { expect: signedIn(200) },
  'GET /api/programmes/:id': { params: { id: 'programme' }, expect: signedIn(200) },
  'PUT /api/programmes/:id/enrolment': {
    params: { id: 'openProgramme' },
    body: () => ({ role: 'mentee' }),
    expect: signedIn(200),
  },
  'DELETE /api/programmes/:id/enrolment': {
    params: { id: 'programmeToWithdraw' },
    // The admin is not enrolled there; each participant withdraws themselves.
    expect: status(401, 200, 200, 404),
    destructive: true,
  },

  // Lunch rounds: one's own lunch and "skip this round" in a lunch programme one is enrolled in.
  'GET /api/programmes/:id/lunch': {
    params: { id: 'lunchProgramme' },
    expect: status(401, 200, 200, 404),
  },
  'PUT /api/programmes/:id/lunch/skip': {
    params: { id: 'lunchProgramme' },
    expect: status(401, 200, 200, 404),
  },
  'DELETE /api/programmes/:id/lunch/skip': {
    params: { id: 'lunchProgramme' },
    // After the skip above: each participant undoes their own.
    expect: status(401, 200, 200, 404),
    destructive: true,
  },

  // Self-service: suggestions and requests are one's own within a programme one is enrolled
  // in; only who was asked answers a request, only who asked withdraws it.
  // Surveys: a programme's participants answer them; HR sees how many, never who answered what.
  'GET /api/surveys': { expect: signedIn(200) },
  'GET /api/programmes/:id/surveys/:survey': {
    params: { id: 'surveyProgramme', survey: 'baselineSurvey' },
    expect: status(401, 200, 200, 403),
  },
  'POST /api/programmes/:id/surveys/:survey': {
    params: { id: 'surveyProgramme', survey: 'baselineSurvey' },
    body: () => ({ answers: { 'digcomp.safety': 3 } }),
    expect: status(401, 204, 204, 403),
    destructive: true,
  },
  'GET /api/admin/programmes/:id/surveys': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'GET /api/programmes/:id/suggestions': {
    params: { id: 'selfServiceProgramme' },
    expect: status(401, 200, 200, 404),
  },
  'GET /api/programmes/:id/requests': {
    params: { id: 'selfServiceProgramme' },
    expect: status(401, 200, 200, 404),
  },
  'POST /api/programmes/:id/requests': {
    params: { id: 'selfServiceProgramme' },
    body: (objects) => ({ to: objects.askable }),
    expect: status(401, 201, 201, 404),
    destructive: true,
  },
  'POST /api/requests/:id/decline': { params: { id: 'requestToDecline' }, expect: ownerOnly(200) },
  'POST /api/requests/:id/accept': {
    params: { id: 'requestToAccept' },
    expect: ownerOnly(200),
    destructive: true,
  },
  'POST /api/requests/:id/withdraw': {
    params: { id: 'requestToWithdraw' },
    expect: ownerOnly(200),
    destructive: true,
  },

  // Line-manager approval: only the manager asked sees and answers a request; admins answer
  // on the manager's behalf.
  'GET /api/approvals': { expect: signedIn(200) },
  'GET /api/approvals/:id': { params: { id: 'approvalToApprove' }, expect: ownerOnly(200) },
  'POST /api/approvals/:id/approve': {
    params: { id: 'approvalToApprove' },
    expect: ownerOnly(200),
    destructive: true,
  },
  'POST /api/approvals/:id/decline': {
    params: { id: 'approvalToDecline' },
    expect: ownerOnly(200),
    destructive: true,
  },
  'GET /api/admin/programmes/:id/approvals': {
    params: { id: 'approvalProgramme' },
    expect: adminOnly(200),
  },
  'POST /api/admin/approvals/:id/approve': {
    params: { id: 'adminApprovalToApprove' },
    expect: adminOnly(200),
    destructive: true,
  },
  'POST /api/admin/approvals/:id/decline': {
    params: { id: 'adminApprovalToDecline' },
    expect: adminOnly(200),
    destructive: true,
  },

  // A pair and everything in it: its members only.
  'GET /api/pairs': { expect: signedIn(200) },
  'GET /api/pairs/:id': { params: pair, expect: ownerOnly(200) },
  'GET /api/pairs/:id/glossary': { params: pair, expect: ownerOnly(200) },
  'POST /api/pairs/:id/continue': { params: pair, expect: ownerOnly(200) },
  'PATCH /api/pairs/:id/sessions/:sessionId': {
    params: session,
    body: () => ({ goal: 'Unser eigenes Ziel' }),
    expect: ownerOnly(200),
  },
  // Before a session is added below: the order lists the plan's sessions as they are now.
  'PUT /api/pairs/:id/sessions/order': {
    params: pair,
    body: (objects) => ({ sessionIds: objects.sessionOrder }),
    expect: ownerOnly(200),
  },
  'POST /api/pairs/:id/sessions': {
    params: pair,
    body: () => ({ title: 'Noch eine Sitzung' }),
    expect: ownerOnly(200),
  },
  'PUT /api/pairs/:id/sessions/:sessionId/homework': {
    params: session,
    body: () => ({ items: ['Lesen', 'Ausprobieren'] }),
    expect: ownerOnly(200),
  },
  'PATCH /api/pairs/:id/sessions/:sessionId/homework/:index': {
    params: { id: 'pair', sessionId: 'doneSession', index: 'homeworkTask' },
    body: () => ({ done: true }),
    expect: ownerOnly(200),
  },
  'PUT /api/pairs/:id/sessions/:sessionId/feedback': {
    params: { id: 'pair', sessionId: 'doneSession' },
    body: () => ({ rating: 4 }),
    expect: ownerOnly(200),
  },
  'GET /api/pairs/:id/find-a-time': { params: pair, expect: ownerOnly(200) },
  'PUT /api/pairs/:id/find-a-time/proposals': {
    params: pair,
    body: () => ({ starts: [new Date(Date.now() + 12 * 86_400_000).toISOString()] }),
    expect: ownerOnly(200),
  },
  'POST /api/pairs/:id/find-a-time/proposals/:proposalId/pick': {
    params: { id: 'pair', proposalId: 'timeProposal' },
    expect: ownerOnly(200),
    destructive: true,
  },
  'GET /api/pairs/:id/notes': { params: pair, expect: ownerOnly(200) },
  'POST /api/pairs/:id/notes': {
    params: pair,
    body: () => ({ body: 'Noch eine Notiz' }),
    expect: ownerOnly(201),
  },
  'PATCH /api/pairs/:id/notes/:itemId': {
    params: { id: 'pair', itemId: 'note' },
    body: () => ({ body: 'Geändert' }),
    expect: ownerOnly(200),
  },
  'DELETE /api/pairs/:id/notes/:itemId': {
    params: { id: 'pair', itemId: 'noteToDelete' },
    expect: ownerOnly(204),
    destructive: true,
  },
  'GET /api/pairs/:id/goals': { params: pair, expect: ownerOnly(200) },
  'POST /api/pairs/:id/goals': {
    params: pair,
    body: () => ({ text: 'Noch ein Ziel' }),
    expect: ownerOnly(201),
  },
  'PATCH /api/pairs/:id/goals/:goalId': {
    params: { id: 'pair', goalId: 'goal' },
    body: () => ({ text: 'Sicher mit KI präsentieren' }),
    expect: ownerOnly(200),
  },
  'POST /api/pairs/:id/goals/:goalId/progress': {
    params: { id: 'pair', goalId: 'goal' },
    body: () => ({ level: 2, note: 'Halb geschafft' }),
    expect: ownerOnly(201),
  },
  'DELETE /api/pairs/:id/goals/:goalId': {
    params: { id: 'pair', goalId: 'goalToRemove' },
    expect: ownerOnly(204),
    destructive: true,
  },
  'GET /api/pairs/:id/questions': { params: pair, expect: ownerOnly(200) },
  'POST /api/pairs/:id/questions': {
    params: pair,
    body: () => ({ text: 'Noch eine Frage?' }),
    expect: ownerOnly(201),
  },
  'PATCH /api/pairs/:id/questions/:itemId': {
    params: { id: 'pair', itemId: 'question' },
    body: () => ({ answered: true }),
    expect: ownerOnly(200),
  },
  'DELETE /api/pairs/:id/questions/:itemId': {
    params: { id: 'pair', itemId: 'questionToDelete' },
    expect: ownerOnly(204),
    destructive: true,
  },
  'POST /api/pairs/:id/mismatch': {
    params: { id: 'pairToLeave' },
    body: () => ({ reason: 'Passt nicht' }),
    expect: ownerOnly(204),
    destructive: true,
  },

  // Admin: programmes, curricula, skills.
  'GET /api/admin/programmes': { expect: staff(200) },
  'POST /api/admin/programmes': {
    body: () => ({ curriculum: 'qa-quickstart', name: 'Neu aus der Matrix' }),
    expect: adminOnly(201),
  },
  'GET /api/admin/programmes/:id': { params: { id: 'programme' }, expect: programmeReport(200) },
  'PATCH /api/admin/programmes/:id': {
    params: { id: 'programme' },
    body: () => ({ description: 'Geändert von HR' }),
    expect: programmeAdmin(200),
  },
  // The manager opens the enrolment; the admin then finds it open.
  'POST /api/admin/programmes/:id/transitions': {
    params: { id: 'draftProgramme' },
    body: () => ({ to: 'enrolment' }),
    expect: programmeAdmin(200, 409),
  },
  'GET /api/admin/programmes/:id/enrolments': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/programmes/:id/enrolments/export': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/programmes/:id/meetings': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/programmes/:id/lunch-rounds': {
    params: { id: 'lunchProgramme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/curricula': { expect: adminOnly(200) },
  'GET /api/admin/curricula/:name/preview': {
    params: { name: 'curriculum' },
    expect: adminOnly(200),
  },
  'GET /api/admin/skills': { expect: adminOnly(200) },
  'POST /api/admin/skills': {
    body: () => ({
      key: 'matrix-skill',
      label: { de: 'Matrix', en: 'Matrix' },
      category: 'digital',
    }),
    expect: adminOnly(201),
  },
  'PATCH /api/admin/skills/:key': {
    params: { key: 'skill' },
    body: () => ({ label: { de: 'KI-Assistenz', en: 'AI assistance' } }),
    expect: adminOnly(200),
  },
  'GET /api/admin/plugins': { expect: adminOnly(200) },
  'GET /api/admin/channels': { expect: adminOnly(200) },
  'GET /api/admin/channel-instances': { expect: adminOnly(200) },
  // A configuration the webhook channel accepts; the name is taken after the first admin call.
  'POST /api/admin/channel-instances': {
    body: () => ({ channel: 'webhook', name: 'Matrix', config: { style: 'slack' } }),
    expect: adminOnly(201),
  },
  // The id of something that is no channel instance: not found.
  'PATCH /api/admin/channel-instances/:id': {
    params: { id: 'user' },
    body: () => ({ name: 'Matrix' }),
    expect: adminOnly(404),
  },
  'DELETE /api/admin/channel-instances/:id': { params: { id: 'user' }, expect: adminOnly(404) },
  'GET /api/admin/audit': { expect: reportsOnly(200) },
  // Admins' own API tokens; the id of a token that is not theirs (here: none) is not found.
  'GET /api/admin/tokens': { expect: adminOnly(200) },
  'POST /api/admin/tokens': {
    body: () => ({ name: 'Matrix', scopes: ['read'] }),
    expect: adminOnly(201),
  },
  'DELETE /api/admin/tokens/:id': { params: { id: 'user' }, expect: adminOnly(404) },
  // Past the access check, the running programme refuses new enrolments.
  'POST /api/admin/programmes/:id/enrolments': {
    params: { id: 'programme' },
    body: () => ({ subject: 'owner' }),
    expect: programmeAdmin(409),
  },
  'DELETE /api/admin/users/:id/sessions': { params: { id: 'user' }, expect: adminOnly(200) },
  // Roles: admins give and take them, and assign programme managers; managers see who manages.
  'GET /api/admin/people': { query: 'query=Bea', expect: adminOnly(200) },
  'PUT /api/admin/users/:id/roles': {
    params: { id: 'user' },
    body: () => ({ roles: ['report-reader'] }),
    expect: adminOnly(200),
  },
  'GET /api/admin/programmes/:id/managers': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'PUT /api/admin/programmes/:id/managers': {
    params: { id: 'programme' },
    body: (objects) => ({ userIds: [objects.manager] }),
    expect: adminOnly(200),
  },
  'GET /api/admin/users/:id/export': { params: { id: 'user' }, expect: adminOnly(200) },
  'POST /api/admin/users/:id/delete': {
    params: { id: 'user' },
    body: () => ({ confirm: 'DELETE' }),
    expect: adminOnly(200),
    destructive: true,
  },
  'GET /api/admin/programmes/:id/report': {
    params: { id: 'programme' },
    expect: programmeReport(200),
  },
  'GET /api/admin/programmes/:id/report/:dataset.csv': {
    params: { id: 'programme', dataset: 'reportDataset' },
    expect: programmeReport(200),
  },
  'GET /api/admin/programmes/:id/free-text': {
    params: { id: 'programme' },
    expect: programmeReport(200),
  },
  // Certificates: the numbers issued, and issuing them for everyone done with the programme.
  'GET /api/admin/programmes/:id/certificates': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'POST /api/admin/programmes/:id/certificates': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },

  // Admin: matching review and runs, on a programme being matched.
  'GET /api/admin/programmes/:id/review': {
    params: { id: 'reviewProgramme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/programmes/:id/review/matches': {
    params: { id: 'reviewProgramme' },
    expect: programmeAdmin(200),
  },
  'POST /api/admin/matches/:id/pin': { params: { id: 'match' }, expect: programmeAdmin(200) },
  'DELETE /api/admin/matches/:id/pin': { params: { id: 'match' }, expect: programmeAdmin(200) },
  'POST /api/admin/programmes/:id/forbids': {
    params: { id: 'reviewProgramme' },
    body: (objects) => ({ enrolmentIds: objects.mentors }),
    expect: programmeAdmin(200),
  },
  'POST /api/admin/programmes/:id/swaps': {
    params: { id: 'reviewProgramme' },
    body: (objects) => ({ enrolmentIds: objects.mentors }),
    expect: programmeAdmin(200),
  },
  // Lifted by the manager: gone for the admin.
  'DELETE /api/admin/forbids/:id': {
    params: { id: 'forbid' },
    expect: programmeAdmin(200, 404),
    destructive: true,
  },
  // Both mentors are in proposals already: nobody is paired twice.
  'POST /api/admin/programmes/:id/matches': {
    params: { id: 'reviewProgramme' },
    body: (objects) => ({
      members: [
        { enrolmentId: objects.mentors[0], role: 'mentor' },
        { enrolmentId: objects.menteeOfFirstMatch, role: 'mentee' },
      ],
    }),
    expect: programmeAdmin(409),
  },
  'GET /api/admin/programmes/:id/quiet-pairs': {
    params: { id: 'programme' },
    expect: programmeAdmin(200),
  },
  'GET /api/admin/matching-runs/:id': {
    params: { id: 'matchingRun' },
    expect: programmeAdmin(200),
  },
  // The manager's run is under way when the admin asks for one.
  'POST /api/admin/programmes/:id/matching-runs': {
    params: { id: 'reviewProgramme' },
    expect: programmeAdmin(202, 409),
  },
  // Removed by the manager: gone for the admin.
  'DELETE /api/admin/matches/:id': {
    params: { id: 'matchToRemove' },
    expect: programmeAdmin(200, 404),
    destructive: true,
  },
  // Published by the manager: nothing left for the admin.
  'POST /api/admin/programmes/:id/publish': {
    params: { id: 'reviewProgramme' },
    expect: programmeAdmin(200, 409),
    destructive: true,
  },
  // Dissolved by the manager already when the admin tries.
  'POST /api/admin/matches/:id/dissolve': {
    params: { id: 'pairToDissolve' },
    body: () => ({ reason: 'Auf Wunsch', reasonCode: 'member-asked' }),
    expect: programmeAdmin(204, 409),
    destructive: true,
  },

  // Admin: deliveries.
  'GET /api/admin/deliveries': { expect: managersOnly(200) },
  // The manager retries the failed delivery of their programme; the admin then finds it pending.
  'POST /api/admin/deliveries/:id/retry': {
    params: { id: 'delivery' },
    expect: programmeAdmin(200, 409),
  },

  // SCIM provisioning: no session gets in, an admin's neither.
  'GET /scim/v2/ServiceProviderConfig': { expect: scimOnly },
  'GET /scim/v2/ResourceTypes': { expect: scimOnly },
  'GET /scim/v2/ResourceTypes/:id': { params: { id: 'user' }, expect: scimOnly },
  'GET /scim/v2/Schemas': { expect: scimOnly },
  'GET /scim/v2/Schemas/:id': { params: { id: 'user' }, expect: scimOnly },
  'GET /scim/v2/Users': { expect: scimOnly },
  'POST /scim/v2/Users': { expect: scimOnly },
  'GET /scim/v2/Users/:id': { params: { id: 'user' }, expect: scimOnly },
  'PUT /scim/v2/Users/:id': { params: { id: 'user' }, expect: scimOnly },
  'PATCH /scim/v2/Users/:id': { params: { id: 'user' }, expect: scimOnly },
  'DELETE /scim/v2/Users/:id': { params: { id: 'user' }, expect: scimOnly },
  'GET /scim/v2/Groups': { expect: scimOnly },
  'POST /scim/v2/Groups': { expect: scimOnly },
  'GET /scim/v2/Groups/:id': { params: { id: 'user' }, expect: scimOnly },
  'PUT /scim/v2/Groups/:id': { params: { id: 'user' }, expect: scimOnly },
  'PATCH /scim/v2/Groups/:id': { params: { id: 'user' }, expect: scimOnly },
  'DELETE /scim/v2/Groups/:id': { params: { id: 'user' }, expect: scimOnly },

  // Last of all: each signed-in caller deletes their own account.
  'POST /api/me/delete': {
    body: () => ({ confirm: 'DELETE' }),
    expect: signedIn(200),
    destructive: true,
    signsOut: true,
  },
};

// Over a thousand calls, seven callers each route: more than the default on a busy machine.
t.setTimeout(420_000);

const PUBLIC_URL = 'http://localhost:3000';
/** The owner's note, question and goal, as the fixture writes them. */
const PRIVATE_TEXTS = ['Nur für uns zwei', 'Wie geht E-Akte?', 'Mit KI präsentieren'];

t.test('every route answers each caller as its row says, and no route lacks a row', async (t) => {
  const started = Date.now();
  const idp = await startTestIdp(t, [tandemClient(PUBLIC_URL)]);
  const app = await buildTestApp(t, {
    env: {
      PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET: 'tandem-secret',
    },
  });
  const world = await authorizationWorld(app);

  const rowOf = (route: string) => MATRIX[route.replace(/^HEAD /, 'GET ')];
  const missing = [...app.routeAccess.keys()].filter((route) => !rowOf(route));
  const gone = Object.keys(MATRIX).filter((route) => !app.routeAccess.has(route));
  t.same(missing, [], 'every registered route has a row');
  t.same(gone, [], 'every row names a registered route');

  // In table order, destructive rows last; a GET row's HEAD route right after it.
  const rows = Object.entries(MATRIX);
  const ordered = [
    ...rows.filter(([, row]) => !row.destructive),
    ...rows.filter(([, row]) => row.destructive),
  ].flatMap(([route, row]) => {
    const head = route.replace(/^GET /, 'HEAD ');
    return head !== route && app.routeAccess.has(head)
      ? [[route, row] as const, [head, row] as const]
      : [[route, row] as const];
  });
  const sessions = new Map<Caller, Record<string, string>>();
  const cookiesOf = async (caller: Caller, row: Row) => {
    if (caller === 'anonymous') return undefined;
    if (row.signsOut) return (await sessionFor(app, world.userIds[caller])).cookies;
    const cookies = sessions.get(caller) ?? (await sessionFor(app, world.userIds[caller])).cookies;
    sessions.set(caller, cookies);
    return cookies;
  };
  let calls = 0;
  for (const [route, row] of ordered) {
    await t.test(route, async (t) => {
      for (const caller of CALLERS) {
        for (const attempt of attempts(route, row, caller, world)) {
          const cookies = await cookiesOf(caller, row);
          const answer = await app.inject(request(world, attempt, row, cookies));
          calls++;
          t.equal(
            answer.statusCode,
            row.expect[caller],
            `${caller}${attempt.note}: ${answer.statusCode} ${answer.statusCode >= 400 ? answer.body : ''}`,
          );
          const access = app.routeAccess.get(route);
          if (answer.statusCode < 300 && mayNotSee(caller, access))
            t.same(
              privateMarks(world).filter((mark) => answer.body.includes(mark)),
              [],
              `${caller}${attempt.note}: nothing of the owner's pair in the answer`,
            );
          if (answer.statusCode < 300 && caller === 'reader' && STAFF_ACCESS.has(access ?? ''))
            t.same(
              [...PEOPLE_NAMES, ...Object.values(world.userIds)].filter((mark) =>
                answer.body.includes(mark),
              ),
              [],
              `${caller}${attempt.note}: nobody named in what a report reader reads`,
            );
        }
      }
    });
  }

  const byAccess = new Map<string, number>();
  for (const access of app.routeAccess.values())
    byAccess.set(access ?? 'none', (byAccess.get(access ?? 'none') ?? 0) + 1);
  t.comment(
    `${app.routeAccess.size} routes (${[...byAccess].map(([a, n]) => `${n} ${a}`).join(', ')}), ` +
      `${calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

/** Routes that need a Tandem role. */
const STAFF_ACCESS = new Set([
  'admin',
  'staff',
  'managers',
  'programme',
  'programme-report',
  'reports',
]);

/**
 * Who must not find the owner's pair in an answer, even a successful one (a list, a search):
 * anyone but the owner, except admins on the routes of a role, which show HR everything, and
 * the programme's manager on its programme routes and the lists narrowed to their programmes.
 */
function mayNotSee(caller: Caller, access: string | undefined): boolean {
  if (caller === 'owner') return false;
  if (caller === 'admin') return !STAFF_ACCESS.has(access ?? '');
  return !(caller === 'manager' && (access === 'programme' || access === 'managers'));
}

/** The people of the world by name: a report reader reads figures, never a person. */
const PEOPLE_NAMES = ['Olga Owner', 'Otto Partner', 'Ines Other', 'Bea Bystander', 'Hanna Admin'];

/** The ids and texts of the owner's pair that only its members may see. */
function privateMarks(world: World): string[] {
  const { pair, session, doneSession, note, question, meeting, notification } = world.owner;
  return [pair, session, doneSession, note, question, meeting, notification, ...PRIVATE_TEXTS];
}

interface Attempt {
  method: string;
  url: string;
  note: string;
}

/**
 * The calls a caller makes on a route: with the owner's objects in the path; and, for another
 * participant on something inside a pair, also with their own pair's id and the owner's item,
 * so that an item is not reachable through a pair one belongs to either.
 */
function attempts(route: string, row: Row, caller: Caller, world: World): Attempt[] {
  const [method = 'GET', path = '/'] = route.split(' ');
  const fill = (objects: Partial<OwnerObjects>) =>
    path.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
      const kind = row.params?.[name ?? '*'];
      if (!kind) throw new Error(`${route}: no object for ${whole}`);
      return encodeURIComponent(String(objects[kind] ?? world.owner[kind]));
    });
  const result = [{ method, url: fill(world.owner), note: '' }];
  const inPair = row.params?.id === 'pair' && Object.keys(row.params).length > 1;
  if (caller === 'other' && inPair)
    result.push({ method, url: fill({ pair: world.other.pair }), note: ' (through own pair)' });
  return result;
}

function request(
  world: World,
  attempt: Attempt,
  row: Row,
  cookies: Record<string, string> | undefined,
): InjectOptions {
  const body = row.body?.(world.owner);
  return {
    method: attempt.method as InjectOptions['method'],
    url: row.query ? `${attempt.url}?${row.query}` : attempt.url,
    // As a page of Tandem sends it: cross-site writes are refused before any of this.
    headers: { origin: PUBLIC_URL },
    ...(cookies ? { cookies } : {}),
    ...(body ? { payload: body } : {}),
  };
}

/** Routes only demo mode registers, besides its IdP under /dev-idp: the world above has none. */
const DEMO_MATRIX: Record<string, Expected> = {
  'GET /api/admin/demo-mailbox': adminOnly(200),
};

t.test('demo mode adds its IdP and the Demo mailbox, which only admins read', async (t) => {
  const plain = await buildTestApp(t);
  const app = await buildTestApp(t, { demo: true });
  const added = [...app.routeAccess.keys()].filter(
    (route) => !plain.routeAccess.has(route) && !route.includes(' /dev-idp'),
  );
  const expected = Object.keys(DEMO_MATRIX).flatMap((route) => [
    route,
    route.replace(/^GET /, 'HEAD '),
  ]);
  t.same(added.sort(), expected.sort(), 'every route demo mode adds has a row');
  const world = await authorizationWorld(app);
  for (const [route, expect] of Object.entries(DEMO_MATRIX)) {
    const [method, url] = route.split(' ') as ['GET', string];
    for (const caller of CALLERS) {
      const cookies =
        caller === 'anonymous' ? undefined : (await sessionFor(app, world.userIds[caller])).cookies;
      const answer = await app.inject({ method, url, ...(cookies ? { cookies } : {}) });
      t.equal(answer.statusCode, expect[caller], `${route} as ${caller}`);
    }
  }
});

t.test('the SCIM routes take a token with the scope scim, and no other token', async (t) => {
  const app = await buildTestApp(t);
  const scim = await scimClient(app, ['scim'], 'scim-owner');
  const read = await scimClient(app, ['read', 'enrolments:write'], 'read-owner');
  const scimRoutes = [...app.routeAccess].filter(([, access]) => access === 'scim');
  t.equal(scimRoutes.length, 26, 'the 17 SCIM routes and the HEAD routes of their 9 GETs');
  const unknownId = '0b5a3f5e-8b1c-4c39-9d3a-5f2f1a2b3c4d';
  for (const [route] of scimRoutes) {
    const [method = 'GET', path = '/'] = route.split(' ');
    const url = path.replace(':id', unknownId);
    const as = (token: string) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
    t.equal((await as(read.token)).statusCode, 403, `${route}: a read token is refused`);
    t.notOk(
      [401, 403].includes((await as(scim.token)).statusCode),
      `${route}: a scim token gets in`,
    );
  }
});
