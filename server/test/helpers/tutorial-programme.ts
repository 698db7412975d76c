import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Match } from '../../src/modules/matching/match.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { User } from '../../src/modules/users/user.js';

/** What the tutorial's chat channel posts: its JSON body. */
export interface ChatPost {
  text: string;
  idempotencyKey: string;
}

/**
 * A chat room's incoming webhook on loopback, as the tutorial's chat-webhook channel posts to:
 * it keeps every JSON post and answers 200. Closed when the test ends.
 */
export async function chatRoom(t: Test) {
  const posts: ChatPost[] = [];
  const waiting = new Set<() => void>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const { text } = JSON.parse(body) as { text: string };
      posts.push({ text, idempotencyKey: String(request.headers['idempotency-key']) });
      response.writeHead(200).end();
      for (const wake of waiting) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tandem`,
    /** The posts so far, once there are `count` of them; fails after 20 s. */
    async waitFor(count: number): Promise<ChatPost[]> {
      const deadline = Date.now() + 20_000;
      while (posts.length < count) {
        if (Date.now() > deadline) throw new Error(`${posts.length} of ${count} chat posts`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            resolve();
          };
          waiting.add(wake);
          setTimeout(wake, 200);
        });
      }
      return [...posts];
    },
    clear: () => posts.splice(0),
  };
}

/**
 * A programme in matching that uses an outside strategy and the tutorial's chat channel: one
 * mentor who offers `e-file`, one mentee who wants it. Runs matching with the strategy, then
 * publishes the proposal, which invites both members on the programme's channels.
 */
export async function programmeWithPlugins(
  app: FastifyInstance,
  cookies: Record<string, string>,
  strategy: string,
) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: `Digitale Grundlagen (${strategy})`,
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'digital-basics',
    matchingStrategy: strategy,
    settings: {
      languages: ['de'],
      channels: ['chat-webhook'],
      format: 'remote',
      meetingLinkTemplate: 'https://meet.agency.example/tandem-{meeting}',
    },
  });
  // Overlapping Monday mornings, so that the kick-off can be planned and its invitation sent.
  const members = [
    { role: 'mentor', offered: ['e-file'], wanted: [], from: '08:00', to: '11:00' },
    { role: 'mentee', offered: [], wanted: ['e-file'], from: '09:00', to: '13:00' },
  ] as const;
  for (const { role, offered, wanted, from, to } of members) {
    const subject = `${role}-${strategy}`;
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject,
      name: subject,
      email: `${subject}@agency.example`,
      locale: 'de',
    });
    em.create(Enrolment, {
      programme,
      user,
      role,
      profile: {
        languages: ['de'],
        skillsOffered: [...offered],
        skillsWanted: [...wanted],
        availability: [{ weekday: 1, from, to }],
      },
    });
  }
  await em.flush();

  const started = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/matching-runs`,
    cookies,
  });
  if (started.statusCode !== 202) throw new Error(started.body);
  const run = await finishedRun(app, cookies, started.json().id);
  const proposed = await app.orm.em.fork().find(Match, { programme: programme.id });
  const why = proposed.flatMap((match) =>
    (match.criteria as { why: string }[]).map((criterion) => criterion.why),
  );
  const publish = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies,
  });
  return { run, why, published: publish.statusCode, members };
}

async function finishedRun(app: FastifyInstance, cookies: Record<string, string>, id: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const run = (await app.inject({ url: `/api/admin/matching-runs/${id}`, cookies })).json();
    if (run.state === 'succeeded' || run.state === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`matching run ${id} did not finish within 20 s`);
}
