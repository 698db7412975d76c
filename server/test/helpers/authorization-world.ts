import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { ManagerApproval } from '../../src/modules/approvals/manager-approval.js';
import { Certificate } from '../../src/modules/certificates/certificate.js';
import { newCertificateNumber } from '../../src/modules/certificates/certificate-number.js';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { MatchForbid } from '../../src/modules/matching/match-forbid.js';
import { MatchingRun } from '../../src/modules/matching/matching-run.js';
import { Meeting } from '../../src/modules/meetings/meeting.js';
import { SchedulingRequest } from '../../src/modules/meetings/scheduling-request.js';
import { TimeProposal } from '../../src/modules/meetings/time-proposal.js';
import { Delivery } from '../../src/modules/notifications/delivery.js';
import { Notification } from '../../src/modules/notifications/notification.js';
import { PairSession } from '../../src/modules/pairs/pair-session.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { ProgrammeManager } from '../../src/modules/programmes/programme-manager.js';
import { TandemRequest } from '../../src/modules/self-service/tandem-request.js';
import { defaultSurveySettings } from '../../src/modules/surveys/survey-settings.js';
import { proposedPairs } from './proposed-pairs.js';
import { publishPair } from './publish-pair.js';
import { signedInAs } from './sessions.js';

/**
 * Who calls a route in the authorization matrix, in this order: the owner last, so that the
 * others try the owner's objects while they still exist; those refused first, then the
 * programme manager before the admin, so that a change both may make is the manager's.
 * `manager` manages every programme of the world; `stranger` is a programme manager of another
 * programme only; `reader` is a report reader.
 */
export const CALLERS = [
  'anonymous',
  'other',
  'stranger',
  'reader',
  'manager',
  'admin',
  'owner',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * The ids a route's path parameters are filled with, by kind. `owner` holds the owner's objects
 * (and the shared ones: programmes, the review, skills); `other` holds the other participant's
 * own pair, so that a route can also be tried with their pair and the owner's item in it.
 */
export type ObjectKind = keyof OwnerObjects;
export type OwnerObjects = Omit<Awaited<ReturnType<typeof ownerObjects>>, 'otherPair'>;

export interface World {
  /** Each signed-in caller's user id. */
  userIds: Record<Exclude<Caller, 'anonymous'>, string>;
  owner: OwnerObjects;
  other: { pair: string };
}

type Person = Awaited<ReturnType<typeof signedInAs>>;

/**
 * The owner and the other participant, each in a published pair with a partner of their own,
 * in every programme below; an admin who takes part in none; and real objects around them:
 * plan sessions (one done, with homework on the owner's side), notes, a question, a planned
 * meeting, an inbox entry with a failed delivery, a self-service programme with requests to
 * the owner, a matching review with proposals and a finished run, and a draft programme.
 */
export async function authorizationWorld(app: FastifyInstance): Promise<World> {
  const person = (subject: string, name: string, roles: string[] = []) =>
    signedInAs(app, { subject, name, roles, department: 'Amt' });
  const people = {
    owner: await person('owner', 'Olga Owner'),
    ownerPartner: await person('owner-partner', 'Otto Partner'),
    other: await person('other', 'Ines Other'),
    otherPartner: await person('other-partner', 'Paul Partner'),
    admin: await person('admin', 'Hanna Admin', ['admin']),
    manager: await person('manager', 'Maria Manager', ['programme-manager']),
    stranger: await person('stranger', 'Stefan Fremd', ['programme-manager']),
    reader: await person('reader', 'Rita Reader', ['report-reader']),
    askerA: await person('asker-a', 'Anna Asker'),
    askerB: await person('asker-b', 'Bert Asker'),
    bystander: await person('bystander', 'Bea Bystander'),
  };
  const { otherPair, ...owner } = await ownerObjects(app, people);
  await assignProgrammes(app, people.manager.userId, people.stranger.userId);
  return {
    userIds: {
      owner: people.owner.userId,
      other: people.other.userId,
      admin: people.admin.userId,
      manager: people.manager.userId,
      stranger: people.stranger.userId,
      reader: people.reader.userId,
    },
    owner,
    other: { pair: otherPair },
  };
}

type People = Record<
  | 'owner'
  | 'ownerPartner'
  | 'other'
  | 'otherPartner'
  | 'admin'
  | 'manager'
  | 'stranger'
  | 'reader'
  | 'askerA'
  | 'askerB'
  | 'bystander',
  Person
>;

/**
 * The manager manages every programme there is so far; the stranger one of their own, made
 * here, so that every programme the matrix acts on is another's to them.
 */
async function assignProgrammes(app: FastifyInstance, manager: string, stranger: string) {
  const em = app.orm.em.fork();
  for (const each of await em.find(Programme, {}))
    em.create(ProgrammeManager, { programme: each, user: manager });
  const theirs = await programme(em, 'Fremdes Programm', 'running');
  em.create(ProgrammeManager, { programme: theirs, user: stranger });
  await em.flush();
}

async function ownerObjects(app: FastifyInstance, people: People) {
  const { owner, ownerPartner, other, otherPartner, askerA, askerB, admin, bystander, manager } =
    people;
  const couples: [Person, Person][] = [
    [owner, ownerPartner],
    [other, otherPartner],
  ];
  const main = await pairedProgramme(app, 'Hauptprogramm', couples);
  const leave = await pairedProgramme(app, 'Zum Verlassen', couples);
  const dissolve = await pairedProgramme(app, 'Zum Auflösen', couples);
  const withdraw = await pairedProgramme(app, 'Zum Austreten', couples);
  const em = app.orm.em.fork();
  em.create(Enrolment, { programme: main.programme, user: bystander.userId, role: 'mentee' });
  const open = await programme(em, 'Offen', 'enrolment');
  const draft = await programme(em, 'Entwurf', 'draft');
  const lunch = await programme(em, 'Mittagsrunde', 'running', {}, 'peer-lunch');
  for (const p of [owner, other])
    em.create(Enrolment, { programme: lunch, user: p.userId, role: 'either' });
  const surveyed = await programme(em, 'Mit Befragung', 'running', {
    surveys: defaultSurveySettings(12),
  });
  for (const p of [owner, other])
    em.create(Enrolment, { programme: surveyed, user: p.userId, role: 'mentee' });
  const selfService = await programme(em, 'Selbst gewählt', 'enrolment', { selfService: true });
  const [ownerInSelfService, , , a, b] = [owner, other, ownerPartner, askerA, askerB].map((p) =>
    em.create(Enrolment, { programme: selfService, user: p.userId, role: 'mentee' }),
  );
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  const request = (from: Enrolment | undefined) =>
    em.create(TandemRequest, {
      programme: selfService,
      from: from as Enrolment,
      to: ownerInSelfService as Enrolment,
      expiresAt,
    });
  const requestToDecline = request(a);
  const requestToAccept = request(b);
  // A request of the owner's own, in a programme of its own: pending in the first, it would
  // keep the owner from asking anyone there.
  const selfService2 = await programme(em, 'Selbst gewählt 2', 'enrolment', { selfService: true });
  const [ownerAsks, asked] = [owner, askerA].map((p) =>
    em.create(Enrolment, { programme: selfService2, user: p.userId, role: 'mentee' }),
  );
  const requestToWithdraw = em.create(TandemRequest, {
    programme: selfService2,
    from: ownerAsks as Enrolment,
    to: asked as Enrolment,
    expiresAt,
  });
  // Four people who wait for their manager, the owner, to approve their enrolment: two for the
  // owner to answer, two for an admin to answer on the owner's behalf.
  const approvalProgramme = await programme(em, 'Mit Zustimmung', 'enrolment', {
    managerApproval: true,
  });
  const [approvalToApprove, approvalToDecline, adminApprovalToApprove, adminApprovalToDecline] = [
    askerA,
    askerB,
    bystander,
    ownerPartner,
  ].map((p) =>
    em.create(ManagerApproval, {
      enrolment: em.create(Enrolment, {
        programme: approvalProgramme,
        user: p.userId,
        role: 'mentee',
        state: 'awaiting-approval',
      }),
      manager: owner.userId,
      expiresAt,
    }),
  );

  const sessions = await em.find(
    PairSession,
    { match: main.ownerPair },
    { orderBy: { position: 'asc' } },
  );
  const [doneSession, session] = sessions;
  if (!doneSession || !session) throw new Error('the pair got no plan');
  em.assign(doneSession, {
    status: 'done',
    homework: { ...doneSession.homework, mentor: [{ text: 'Lesen', done: false }] },
  });
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const meeting = em.create(Meeting, {
    match: main.ownerPair,
    title: 'Kick-off',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    state: 'planned',
    responses: {},
  });
  // The pair finds a time for its next session together: the partner proposed one.
  const search = em.create(SchedulingRequest, { match: main.ownerPair, session });
  const timeProposal = em.create(TimeProposal, {
    request: search,
    proposer: ownerPartner.userId,
    startsAt: new Date(startsAt.getTime() + 3 * 86_400_000),
  });
  const notification = em.create(Notification, {
    recipient: owner.userId,
    subject: `meeting:${meeting.id}`,
    kind: 'invitation',
    programme: main.programme,
    meeting,
    title: 'Einladung',
    text: 'Ihr erstes Treffen',
  });
  const delivery = em.create(Delivery, {
    notification,
    channel: 'email',
    state: 'failed',
    attempts: 1,
    lastError: '550 No such mailbox',
  });
  // The owner's certificate of the main programme, as if their pair had run its course.
  const certificate = em.create(Certificate, {
    number: newCertificateNumber(),
    programme: main.programme,
    user: owner.userId,
    holderName: 'Olga Owner',
    programmeName: 'Hauptprogramm',
    organisationName: null,
    periodStart: '2027-01-11',
    periodEnd: '2027-03-01',
    sessionsHeld: 3,
    minutes: 135,
    topics: ['Kick-off'],
    locale: 'de',
  });
  await em.flush();

  const review = await proposedPairs(app, 2);
  const [mentor0, mentee0, mentor1] = review.people;
  const reviewEnrolments = await em.find(
    Enrolment,
    { programme: review.programme.id },
    { populate: ['user'] },
  );
  const enrolmentOf = (userId: string | undefined) =>
    reviewEnrolments.find((e) => e.user.id === userId)?.id ?? '';
  const run = em.create(MatchingRun, {
    programme: review.programme.id,
    strategy: 'weighted',
    state: 'succeeded',
    progress: 100,
    seed: 1,
    requestedBy: admin.userId,
  });
  const [first, second] = [enrolmentOf(mentee0?.user.id), enrolmentOf(mentor1?.user.id)].sort();
  const forbid = em.create(MatchForbid, {
    programme: review.programme.id,
    first: first ?? '',
    second: second ?? '',
    createdBy: admin.userId,
  });
  await em.flush();

  const journal = (path: string, payload: object) =>
    journalEntry(app, owner, `/api/pairs/${main.ownerPair}${path}`, payload);
  return {
    programme: main.programme,
    pair: main.ownerPair,
    pairToLeave: leave.ownerPair,
    pairToDissolve: dissolve.ownerPair,
    programmeToWithdraw: withdraw.programme,
    openProgramme: open.id,
    draftProgramme: draft.id,
    /** A running lunch programme the owner and the other participant take part in. */
    lunchProgramme: lunch.id,
    /** A running programme that asks its surveys, of which the owner and the other take part. */
    surveyProgramme: surveyed.id,
    baselineSurvey: 'baseline',
    selfServiceProgramme: selfService.id,
    requestToAccept: requestToAccept.id,
    requestToDecline: requestToDecline.id,
    requestToWithdraw: requestToWithdraw.id,
    approvalProgramme: approvalProgramme.id,
    approvalToApprove: approvalToApprove?.id ?? '',
    approvalToDecline: approvalToDecline?.id ?? '',
    adminApprovalToApprove: adminApprovalToApprove?.id ?? '',
    adminApprovalToDecline: adminApprovalToDecline?.id ?? '',
    /** Someone the owner (and anyone) may ask in the self-service programme. */
    askable: a?.id ?? '',
    session: session.id,
    /** The plan's sessions, last first. */
    sessionOrder: sessions.map((s) => s.id).reverse(),
    doneSession: doneSession.id,
    homeworkTask: '0',
    note: await journal('/notes', { body: 'Nur für uns zwei' }),
    noteToDelete: await journal('/notes', { body: 'Gleich weg' }),
    question: await journal('/questions', { text: 'Wie geht E-Akte?' }),
    questionToDelete: await journal('/questions', { text: 'Schon geklärt?' }),
    goal: await journal('/goals', { text: 'Mit KI präsentieren' }),
    goalToRemove: await journal('/goals', { text: 'Gleich entfernt' }),
    meeting: meeting.id,
    timeProposal: timeProposal.id,
    notification: notification.id,
    delivery: delivery.id,
    certificate: certificate.number,
    reviewProgramme: review.programme.id,
    match: mentor0?.match.id ?? '',
    matchToRemove: mentor1?.match.id ?? '',
    /** Two mentors of different proposals: forbidding them removes nothing, swapping works. */
    mentors: [enrolmentOf(mentor0?.user.id), enrolmentOf(mentor1?.user.id)],
    menteeOfFirstMatch: enrolmentOf(mentee0?.user.id),
    matchingRun: run.id,
    /** A forbidden pair of the review, for lifting. */
    forbid: forbid.id,
    skill: 'ai-assistants',
    curriculum: 'qa-quickstart',
    reportDataset: 'participation',
    webPage: 'tandem',
    asset: await someAsset(app),
    /** Someone enrolled but in no pair, whose account admin routes act on. */
    user: bystander.userId,
    /** The programme manager of every programme of the world. */
    manager: manager.userId,
    otherPair: main.otherPair,
  };
}

/** A running programme where each couple is a published pair with its plan. */
async function pairedProgramme(app: FastifyInstance, name: string, couples: [Person, Person][]) {
  const em = app.orm.em.fork();
  const created = await programme(em, name, 'running');
  const pairs: string[] = [];
  for (const couple of couples) {
    const enrolments = couple.map((p, i) =>
      em.create(Enrolment, { programme: created, user: p.userId, role: i ? 'mentee' : 'mentor' }),
    );
    await em.flush();
    const { pairId } = await publishPair(
      app,
      created.id,
      enrolments.map((e) => ({ enrolmentId: e.id, role: e.role as 'mentor' | 'mentee' })),
    );
    pairs.push(pairId);
  }
  return { programme: created.id, ownerPair: pairs[0] ?? '', otherPair: pairs[1] ?? '' };
}

async function programme(
  em: EntityManager,
  name: string,
  state: 'draft' | 'enrolment' | 'running',
  settings: object = {},
  kind: 'reverse-mentoring' | 'peer-lunch' = 'reverse-mentoring',
) {
  const created = em.create(Programme, {
    name,
    kind,
    state,
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings,
  });
  await em.flush();
  return created;
}

/** A note or question the owner writes through the API, as the web app would. */
async function journalEntry(app: FastifyInstance, owner: Person, url: string, payload: object) {
  const answer = await app.inject({ method: 'POST', url, payload, cookies: owner.cookies });
  if (answer.statusCode !== 201) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
  return (answer.json() as { id: string }).id;
}

/** A file of the built web app, as its index.html names it. */
async function someAsset(app: FastifyInstance) {
  const html = (await app.inject('/')).body;
  const asset = /\/assets\/([^"']+)/.exec(html)?.[1];
  if (!asset)
    throw new Error(`index.html names no asset: is the web app built? ${html.slice(0, 300)}`);
  return asset;
}
