import type { SmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Match } from '../../src/modules/matching/match.js';
import { MatchMember } from '../../src/modules/matching/match-member.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { User } from '../../src/modules/users/user.js';
import { buildTestApp } from './build-test-app.js';

/** The sender the email channel is configured with. */
export const FROM = 'tandem@agency.example';
export type Window = { weekday: number; from: string; to: string };

/** Each pair gets its own windows, so slots differ; the mentee's overlap the mentor's. */
function windowsOf(pair: number): { mentor: Window[]; mentee: Window[] } {
  const weekday = 1 + (pair % 5);
  const hour = 8 + (pair % 6);
  const time = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return {
    mentor: [{ weekday, from: time(hour), to: time(hour + 3) }],
    mentee: [
      { weekday, from: time(hour + 1), to: time(hour + 5) },
      { weekday: 1 + ((pair + 2) % 5), from: '07:00', to: '08:00' },
    ],
  };
}

/** A running programme with `count` proposed pairs of people who have email addresses. */
export async function proposedPairs(app: FastifyInstance, count: number) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital im Dienst',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: {
      channels: ['email', 'in-app'],
      format: 'remote',
      meetingLinkTemplate: 'https://meet.agency.example/tandem-{meeting}',
      sessionMinutes: 45,
    },
  });
  const people = [];
  for (let pair = 0; pair < count; pair++) {
    const windows = windowsOf(pair);
    const match = em.create(Match, { programme, state: 'proposed' });
    for (const role of ['mentor', 'mentee'] as const) {
      const subject = `${role}-${pair}`;
      const user = em.create(User, {
        issuer: 'https://idp.test',
        subject,
        name: `${role === 'mentor' ? 'Mentorin' : 'Mentee'} ${pair}`,
        email: `${subject}@agency.example`,
        locale: pair % 2 ? 'en' : 'de',
      });
      const enrolment = em.create(Enrolment, {
        programme,
        user,
        role,
        profile: { availability: windows[role] },
      });
      em.create(MatchMember, { match, enrolment, role });
      people.push({ pair, role, user, windows: windows[role], match });
    }
  }
  await em.flush();
  return { programme, people };
}

/** An app with its worker running and the email channel sending to the sink. */
export async function mailTestApp(t: Test, sink: SmtpSink, env: Record<string, string> = {}) {
  return buildTestApp(t, {
    env: {
      WORKER_IN_PROCESS: 'true',
      WORKER_CONCURRENCY: '10',
      PUBLIC_URL: 'https://tandem.agency.example',
      HOLIDAY_REGION: 'DE-BY',
      TANDEM_PLUGIN_EMAIL_HOST: sink.host,
      TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
      TANDEM_PLUGIN_EMAIL_FROM: FROM,
      ...env,
    },
  });
}
