import type { EntityManager } from '@mikro-orm/postgresql';
import { type Suggestions, SuggestionsSchema } from '@tandem/plugin-sdk';
import { lockRows } from '../../db/lock-rows.js';
import { CREATE_PAIR_PLAN } from '../../jobs/create-pair-plan.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { Log } from '../../logger.js';
import { invokePlugin } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Match } from '../matching/match.js';
import { matchInput } from '../matching/match-input.js';
import { MatchMember } from '../matching/match-member.js';
import { mustBeApart } from '../matching/reporting-line.js';
import { activeChannels } from '../notifications/active-channels.js';
import { notify } from '../notifications/notify.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { requestNotice } from './request-notices.js';
import type { NewRequest, SuggestionView, TandemRequestView } from './self-service-schemas.js';
import { TandemRequest } from './tandem-request.js';

export interface SelfServiceDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
}

/** How many suggestions a person sees at a time. */
export const SUGGESTIONS_SHOWN = 3;
const SUGGEST_TIME_LIMIT_MS = 10_000;

/**
 * The best partners for the person in a self-service programme, with reasons — leaving out
 * anyone who declined them or let their request expire, so the next suggestion comes up.
 *
 * @throws ServiceError conflict when the programme has no self-service or the person has a pair
 *   or a pending request already; not-found when they are not enrolled.
 */
export async function suggestionsFor(
  deps: SelfServiceDependencies,
  userId: string,
  programmeId: string,
): Promise<SuggestionView[]> {
  const em = deps.em.fork();
  const me = await ownEnrolment(em, userId, programmeId);
  await mustBeFree(em, me);
  const strategy = deps.plugins.get('matching-strategy', me.programme.matchingStrategy);
  const suggest = strategy?.definition.suggest;
  if (!strategy || !suggest)
    throw new ServiceError(
      'conflict',
      'The matching strategy of this programme makes no suggestions.',
      'self-service.no-suggestions',
    );
  const input = await matchInput(em, me.programme, 0);
  const ctx = pluginContext(
    { name: strategy.definition.name, config: strategy.config },
    { em, log: deps.log },
  );
  const ranked = await invokePlugin<Suggestions>({
    plugin: strategy.definition.name,
    operation: 'suggest',
    timeoutMs: SUGGEST_TIME_LIMIT_MS,
    output: SuggestionsSchema,
    call: () => suggest(structuredClone(input), me.id, ctx),
  });
  const turnedDown = new Set(
    (await em.find(TandemRequest, { from: me, state: { $in: ['declined', 'expired'] } })).map(
      (r) => r.to.id,
    ),
  );
  // Forbidden pairs (an admin's, the reporting line) are left out here too, whatever the
  // strategy does with them.
  const forbidden = new Set(
    input.forbids.flatMap(([a, b]) => (a === me.id ? [b] : b === me.id ? [a] : [])),
  );
  const offered = ranked.filter(
    (s) =>
      !turnedDown.has(s.enrolmentId) && !forbidden.has(s.enrolmentId) && s.enrolmentId !== me.id,
  );
  const people = await em.find(
    Enrolment,
    { id: { $in: offered.map((s) => s.enrolmentId) } },
    { populate: ['user'] },
  );
  const byId = new Map(people.map((e) => [e.id, e]));
  return offered.slice(0, SUGGESTIONS_SHOWN).flatMap((s) => {
    const user = byId.get(s.enrolmentId)?.user;
    if (!user) return [];
    return [
      { ...s, name: user.name, department: user.department ?? null, title: user.title ?? null },
    ];
  });
}

/**
 * Asks another participant of the programme to be the person's tandem: one request at a time
 * (requests sent at once make one), waiting for `requestExpiryDays`. The person asked is told,
 * with a link to where they answer.
 *
 * @throws ServiceError invalid for someone not enrolled in the programme or oneself; conflict
 *   as for {@link suggestionsFor}, when the other has a pair already, or is in the person's
 *   reporting line (the programme's rule).
 */
export async function requestPartner(
  deps: Omit<SelfServiceDependencies, 'log'>,
  userId: string,
  programmeId: string,
  { to, message }: NewRequest,
  now = new Date(),
): Promise<TandemRequestView> {
  return deps.em.fork().transactional(async (tx) => {
    const me = await ownEnrolment(tx, userId, programmeId);
    // Both locked, so that of requests at once only the first is made, and neither of the two
    // gets a tandem by another request meanwhile.
    await lockRows(tx, Enrolment, [me.id, to]);
    await mustBeFree(tx, me);
    const other = await tx.findOne(
      Enrolment,
      { id: to, programme: programmeId, state: 'active' },
      { populate: ['user'] },
    );
    if (!other || other.id === me.id)
      throw new ServiceError(
        'invalid',
        'to must be another participant of this programme.',
        'request.invalid-partner',
      );
    if (await inPair(tx, other))
      throw new ServiceError('conflict', 'They have a tandem already.', 'request.partner-taken');
    await mustBeApart(tx, me.programme, [[me.id, other.id]], 'request.reporting-line');
    const days = programmeSettings(me.programme).requestExpiryDays;
    const request = tx.create(TandemRequest, {
      programme: me.programme,
      from: me,
      to: other,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
      message: message?.trim() || null,
    });
    await tx.flush();
    await notify(tx, [requestNotice(request, 'asked')], activeChannels(deps.plugins));
    return view(request, me.id, null);
  });
}

/**
 * Accepts or declines a request made to the person. Accepting makes the two a published pair
 * at once (its plan comes by a job) and withdraws every other pending request of either. Answers
 * at once are taken one after the other, so a request is answered once. The asker is told.
 *
 * @throws ServiceError not-found for a request not made to them; conflict once it is answered
 *   or expired.
 */
export async function answerRequest(
  deps: Omit<SelfServiceDependencies, 'log'>,
  userId: string,
  requestId: string,
  accept: boolean,
  now = new Date(),
): Promise<TandemRequestView> {
  return deps.em.fork().transactional(async (tx) => {
    const request = await tx.findOne(TandemRequest, requestId, {
      populate: ['from.user', 'to.user', 'programme'],
    });
    if (!request || request.to.user.id !== userId)
      throw new ServiceError('not-found', 'No such request.');
    // Both people locked, then the request read again: of answers at once — to this request or
    // to another of either — only the first finds it pending, so nobody gets two tandems.
    await lockRows(tx, Enrolment, [request.from.id, request.to.id]);
    await lockRows(tx, TandemRequest, [request.id]);
    if (request.state !== 'pending' || request.expiresAt <= now)
      throw new ServiceError(
        'conflict',
        `The request is ${request.state === 'pending' ? 'expired' : request.state}.`,
        'request.not-pending',
        { state: request.state === 'pending' ? 'expired' : request.state },
      );
    // Manager data may have come since the request was made: accepting is refused then too.
    if (accept)
      await mustBeApart(
        tx,
        request.programme,
        [[request.from.id, request.to.id]],
        'request.reporting-line',
      );
    tx.assign(request, { state: accept ? 'accepted' : 'declined', answeredAt: now });
    if (!accept) {
      await notify(tx, [requestNotice(request, 'declined')], activeChannels(deps.plugins));
      return view(request, request.to.id, null);
    }
    const match = tx.create(Match, {
      programme: request.programme,
      state: 'published',
      publishedAt: now,
      activeAt: now,
      criteria: [
        { name: 'chosen', score: 100, weight: 0, why: 'They chose each other.', code: 'chosen' },
      ],
    });
    const [mentor, mentee] = sidesOf(request.from, request.to);
    tx.create(MatchMember, { match, enrolment: mentor.enrolment, role: mentor.role });
    tx.create(MatchMember, { match, enrolment: mentee.enrolment, role: mentee.role });
    const withdrawn = await withdrawOthers(tx, request, now);
    await tx.flush();
    await enqueueJob(tx, CREATE_PAIR_PLAN, { matchId: match.id });
    const paired = new Set([request.from.id, request.to.id]);
    await notify(
      tx,
      [
        requestNotice(request, 'accepted', { pairId: match.id }),
        ...withdrawn.map((other) => requestNotice(other, 'taken', { paired })),
      ],
      activeChannels(deps.plugins),
    );
    return view(request, request.to.id, match.id);
  });
}

/** Withdraws the other waiting requests of the two who became a tandem by `request`. */
async function withdrawOthers(
  tx: EntityManager,
  request: TandemRequest,
  now: Date,
): Promise<TandemRequest[]> {
  const pair = [request.from, request.to];
  const others = await tx.find(
    TandemRequest,
    {
      id: { $ne: request.id },
      state: 'pending',
      $or: [{ from: { $in: pair } }, { to: { $in: pair } }],
    },
    { populate: ['from.user', 'to.user', 'programme'] },
  );
  for (const other of others) tx.assign(other, { state: 'withdrawn', answeredAt: now });
  return others;
}

/**
 * Withdraws a request the person sent and that is still waiting, so they may ask someone else.
 *
 * @throws ServiceError not-found for a request they did not send; conflict once it is answered,
 *   expired or withdrawn.
 */
export async function withdrawRequest(
  em: EntityManager,
  userId: string,
  requestId: string,
  now = new Date(),
): Promise<TandemRequestView> {
  return em.fork().transactional(async (tx) => {
    const request = await tx.findOne(TandemRequest, requestId, {
      populate: ['from.user', 'to.user'],
    });
    if (!request || request.from.user.id !== userId)
      throw new ServiceError('not-found', 'No such request.');
    // Locked and read again, so that a withdrawal and an answer at once do not both apply.
    await lockRows(tx, TandemRequest, [request.id]);
    if (request.state !== 'pending' || request.expiresAt <= now)
      throw new ServiceError(
        'conflict',
        `The request is ${request.state === 'pending' ? 'expired' : request.state}.`,
      );
    tx.assign(request, { state: 'withdrawn', answeredAt: now });
    await tx.flush();
    return view(request, request.from.id, null);
  });
}

/** The person's requests in a programme, sent and received, newest first. */
export async function myRequests(
  em: EntityManager,
  userId: string,
  programmeId: string,
): Promise<TandemRequestView[]> {
  const fork = em.fork();
  const me = await ownEnrolment(fork, userId, programmeId);
  const requests = await fork.find(
    TandemRequest,
    { $or: [{ from: me }, { to: me }] },
    { populate: ['from.user', 'to.user'], orderBy: { createdAt: 'desc' } },
  );
  return requests.map((request) => view(request, me.id, null));
}

async function ownEnrolment(
  em: EntityManager,
  userId: string,
  programmeId: string,
): Promise<Enrolment> {
  const enrolment = await em.findOne(
    Enrolment,
    { user: userId, programme: programmeId, state: 'active' },
    { populate: ['programme', 'user'] },
  );
  if (!enrolment) throw new ServiceError('not-found', 'You are not enrolled in this programme.');
  if (!programmeSettings(enrolment.programme).selfService)
    throw new ServiceError(
      'conflict',
      'In this programme, HR matches the tandems; there is no self-service.',
      'self-service.off',
    );
  return enrolment;
}

async function mustBeFree(em: EntityManager, me: Enrolment): Promise<void> {
  if (await inPair(em, me))
    throw new ServiceError('conflict', 'You have a tandem already.', 'request.have-tandem');
  if (await em.count(TandemRequest, { from: me, state: 'pending', expiresAt: { $gt: new Date() } }))
    throw new ServiceError(
      'conflict',
      'Your request is still waiting for an answer.',
      'request.waiting',
    );
}

async function inPair(em: EntityManager, enrolment: Enrolment): Promise<boolean> {
  return (await em.count(MatchMember, { enrolment, match: { state: 'published' } })) > 0;
}

type Side = { enrolment: Enrolment; role: 'mentor' | 'mentee' | 'peer' };

/** The mentor first: by the sides they enrolled for; either fills what the other is not. */
function sidesOf(a: Enrolment, b: Enrolment): [Side, Side] {
  if (a.programme.kind === 'peer-lunch' || (a.role === 'either' && b.role === 'either'))
    return [
      { enrolment: a, role: 'peer' },
      { enrolment: b, role: 'peer' },
    ];
  const aMentors = a.role === 'mentor' || (a.role === 'either' && b.role === 'mentee');
  const [mentor, mentee] = aMentors ? [a, b] : [b, a];
  return [
    { enrolment: mentor, role: 'mentor' },
    { enrolment: mentee, role: 'mentee' },
  ];
}

function view(
  request: TandemRequest,
  myEnrolmentId: string,
  pairId: string | null,
): TandemRequestView {
  const sent = request.from.id === myEnrolmentId;
  const other = sent ? request.to : request.from;
  return {
    id: request.id,
    direction: sent ? 'sent' : 'received',
    other: {
      enrolmentId: other.id,
      name: other.user.name,
      department: other.user.department ?? null,
    },
    state: request.state,
    expiresAt: request.expiresAt.toISOString(),
    message: request.message ?? null,
    pairId,
  };
}
