import type { FastifyInstance } from 'fastify';
import { enqueueJob } from '../../src/jobs/enqueue-job.js';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Match } from '../../src/modules/matching/match.js';
import { MatchMember } from '../../src/modules/matching/match-member.js';
import { Meeting } from '../../src/modules/meetings/meeting.js';
import { planNextMeeting } from '../../src/modules/meetings/meeting-planner.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { createPairPlan } from '../../src/modules/pairs/pair-plan.js';
import { EMPTY_PROFILE } from '../../src/modules/profiles/profile-schema.js';
import { UserProfile } from '../../src/modules/profiles/user-profile.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { User } from '../../src/modules/users/user.js';
import { sessionFor } from './sessions.js';

/** Someone easy to find in any column: no other text in the database contains these. */
export const PERSON = {
  name: 'Dr. Quirina Zwetschgenbaum',
  email: 'quirina.zwetschgenbaum@agency.example',
  subject: 'idp-subject-qz-4711',
};

/** Both are free on every weekday, so Tandem finds a time for their meeting. */
const ALWAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '18:00' }));

/**
 * Quirina with a pair in a running programme and one in a closed programme, both with Paul;
 * she wrote a note, a question and feedback, Paul a note and a question naming her in each
 * pair; she has a profile, an inbox entry with an email
 * delivery and its job, and a job that names her address. In the running pair Tandem invited
 * both to a meeting (the invitation carries the iCalendar object, which folds her name across
 * lines), she declined it with a time of her own, then declined again.
 */
export async function personWithHistory(app: FastifyInstance) {
  const em = app.orm.em.fork();
  const quirina = em.create(User, {
    issuer: 'https://idp.test',
    ...PERSON,
    department: 'Referat Z 4',
    title: 'Sachbearbeiterin',
  });
  const paul = em.create(User, {
    issuer: 'https://idp.test',
    subject: 'paul',
    name: 'Paul Partner',
    email: 'paul@agency.example',
  });
  em.create(UserProfile, {
    user: quirina,
    data: { ...EMPTY_PROFILE, excludedPersonIds: [] },
  });
  const pairs: Record<'running' | 'closed', string> = { running: '', closed: '' };
  for (const state of ['running', 'closed'] as const) {
    const programme = em.create(Programme, {
      name: `Programm ${state}`,
      kind: 'reverse-mentoring',
      state,
      curriculum: 'qa-quickstart',
      matchingStrategy: 'weighted',
      settings: { channels: ['email', 'in-app'] },
    });
    const match = em.create(Match, { programme, state: 'published', publishedAt: new Date() });
    for (const [user, role] of [
      [quirina, 'mentee'],
      [paul, 'mentor'],
    ] as const) {
      const enrolment = em.create(Enrolment, {
        programme,
        user,
        role,
        experienceYears: 3,
        profile: { goals: `${user.name} möchte lernen`, availability: ALWAYS },
      });
      em.create(MatchMember, { match, enrolment, role });
    }
    await em.flush();
    await createPairPlan({ em: app.orm.em, plugins: app.plugins, log: app.log }, match.id);
    pairs[state] = match.id;
  }
  await notify(
    em,
    [
      {
        recipient: quirina,
        subject: 'privacy-test',
        kind: 'notice',
        render: () => ({ title: `Hallo ${PERSON.name}`, text: `An ${PERSON.email}` }),
      },
      {
        recipient: paul,
        subject: 'privacy-test',
        kind: 'notice',
        render: () => ({ title: 'Neu', text: `Ihre Partnerin ist ${PERSON.name}.` }),
      },
    ],
    new Set(['in-app', 'email']),
  );
  await enqueueJob(
    em,
    'meeting-reminder',
    { to: PERSON.email },
    { runAt: new Date(Date.now() + 3_600_000) },
  );
  const { cookies } = await sessionFor(app, quirina.id);
  const partner = await sessionFor(app, paul.id);
  const as = async (
    url: string,
    method: 'POST' | 'PUT' | 'PATCH',
    payload: object,
    who = cookies,
  ) => {
    const response = await app.inject({ method, url, cookies: who, payload });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
    return response;
  };
  await as(`/api/pairs/${pairs.closed}/notes`, 'POST', { body: 'Meine geheime Notiz' });
  await as(`/api/pairs/${pairs.closed}/questions`, 'POST', { text: 'Wie geht KI?' });
  await as(`/api/pairs/${pairs.running}/notes`, 'POST', { body: 'Notiz zum Treffen' });
  await as(`/api/pairs/${pairs.running}/questions`, 'POST', { text: 'Was ist ein Prompt?' });
  // Paul names her in what he writes: encrypted, so no search of the tables reads it.
  for (const pair of Object.values(pairs)) {
    await as(
      `/api/pairs/${pair}/notes`,
      'POST',
      { body: `Mit ${PERSON.name} üben` },
      partner.cookies,
    );
    await as(
      `/api/pairs/${pair}/questions`,
      'POST',
      { text: `Was kann ${PERSON.name}?` },
      partner.cookies,
    );
  }
  const meeting = await planNextMeeting(app.meetingDependencies(), pairs.running);
  if (!meeting) throw new Error('the fixture needs a planned meeting');
  const rsvp = `/api/meetings/${meeting.id}/rsvp`;
  const proposedStart = new Date(meeting.startsAt.getTime() + 2 * 24 * 3_600_000).toISOString();
  await as(rsvp, 'POST', { response: 'declined', proposedStart });
  await as(rsvp, 'POST', { response: 'declined' });
  const pair = (await app.inject({ url: `/api/pairs/${pairs.closed}`, cookies })).json();
  const first = pair.sessions[0];
  em.create(Meeting, {
    match: pairs.closed,
    session: first.id,
    title: `Tandem ${PERSON.name} und Paul Partner`,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 3_600_000),
    responses: { [quirina.id]: 'accepted', [paul.id]: 'pending' },
  });
  await em.flush();
  await as(`/api/pairs/${pairs.closed}/sessions/${first.id}`, 'PATCH', { status: 'done' });
  await as(`/api/pairs/${pairs.closed}/sessions/${first.id}/feedback`, 'PUT', {
    rating: 4,
    comment: 'Gut',
  });
  return { quirina, paul, pairs, cookies, partnerCookies: partner.cookies };
}
