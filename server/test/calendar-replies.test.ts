import { type SmtpSink, startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { ImapFlow } from 'imapflow';
import { pino } from 'pino';
import t, { type Test } from 'tap';
import { doctorChecks } from '../src/cli/doctor-checks.js';
import { loadConfig } from '../src/config.js';
import { readInbox, startReplyMailbox } from '../src/jobs/reply-mailbox.js';
import { createLogger } from '../src/logger.js';
import { parseCalendarReply } from '../src/modules/meetings/calendar-reply.js';
import type {} from '../src/modules/meetings/meeting-dependencies-plugin.js';
import type { MeetingDependencies } from '../src/modules/meetings/meeting-notices.js';
import { nudgeUnanswered } from '../src/modules/meetings/meeting-nudge.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { User } from '../src/modules/users/user.js';
import {
  appleReply,
  gmailReply,
  outlookReply,
  type ReplyFields,
  thunderbirdReply,
} from './helpers/calendar-replies.js';
import { type Dovecot, dovecotClient, startDovecot } from './helpers/dovecot.js';
import { mailTestApp, proposedPairs } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const REPLY_TO = 'antworten@agency.example';

function replyEnv(dovecot: Dovecot, password = dovecot.password): Record<string, string> {
  return {
    REPLY_MAILBOX_URL: dovecot.url,
    REPLY_MAILBOX_USER: dovecot.user,
    REPLY_MAILBOX_PASSWORD: password,
    REPLY_MAILBOX_ADDRESS: REPLY_TO,
  };
}

/** A published pair with its first meeting and the invitations sent. */
async function publishedPair(app: FastifyInstance, sink: SmtpSink) {
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme, people } = await proposedPairs(app, 1);
  await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  await sink.waitFor(2, 30_000);
  const [mentor, mentee] = people;
  if (!mentor || !mentee) throw new Error('no pair');
  const [mail] = sink.messages;
  if (!mail) throw new Error('no invitation');
  const invitation = receivedInvitation(mail);
  const meetingOf = async (userId: string) => {
    const session = await sessionFor(app, userId);
    return (await app.inject({ url: '/api/meetings', cookies: session.cookies })).json()[0];
  };
  const fields = (person: typeof mentor, partstat: ReplyFields['partstat']): ReplyFields => ({
    from: { name: person.user.name, email: person.user.email ?? '' },
    to: REPLY_TO,
    uid: invitation.uid,
    sequence: invitation.sequence,
    partstat,
    start: invitation.start,
    end: invitation.end,
  });
  return { hr, mentor, mentee, invitation, meetingOf, fields };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function folderCount(client: ImapFlow, folder: string): Promise<number> {
  const status = await client.status(folder, { messages: true });
  return status ? (status.messages ?? 0) : 0;
}

t.test('answers from calendars change the RSVP as the buttons do', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const dovecot = await startDovecot(t);
  const app = await mailTestApp(t, sink, replyEnv(dovecot));
  const { mentor, mentee, invitation, meetingOf, fields } = await publishedPair(app, sink);
  t.equal(invitation.organizer, `mailto:${REPLY_TO}`, 'invitations name the reply mailbox');
  const client = await dovecotClient(t, dovecot);

  await client.append('INBOX', outlookReply(fields(mentee, 'ACCEPTED')));
  await until(
    'the acceptance',
    async () => (await meetingOf(mentee.user.id)).myResponse === 'accepted',
  );
  t.match(
    await meetingOf(mentor.user.id),
    {
      partners: [{ response: 'accepted' }],
      sequence: 0,
    },
    'the partner sees the acceptance; the meeting stays',
  );
  await until(
    'the answer moved away',
    async () => (await folderCount(client, 'Tandem/Processed')) === 1,
  );

  const outsider = { name: 'Eve', email: 'eve@elsewhere.example' };
  await client.append(
    'INBOX',
    'From: someone@agency.example\r\nSubject: hello\r\n\r\nNo calendar.\r\n',
  );
  await client.append(
    'INBOX',
    gmailReply({
      ...fields(mentor, 'DECLINED'),
      uid: 'meeting-00000000-0000-4000-8000-000000000000@tandem.agency.example',
    }),
  );
  await client.append('INBOX', appleReply({ ...fields(mentor, 'DECLINED'), from: outsider }));
  await client.append(
    'INBOX',
    appleReply({ ...fields(mentor, 'DECLINED'), attendee: mentee.user.email ?? '' }),
  );
  await until(
    'the four set aside',
    async () => (await folderCount(client, 'Tandem/Unprocessed')) === 4,
  );
  t.match(
    await meetingOf(mentor.user.id),
    { sequence: 0, myResponse: 'pending' },
    'garbage, an unknown UID, an outsider and a sender answering for the partner change nothing',
  );
  t.equal(sink.messages.length, 2, 'and send nothing');

  const decline = thunderbirdReply(fields(mentor, 'DECLINED'));
  await client.append('INBOX', decline);
  await sink.waitFor(4, 20_000);
  const updates = sink.messages.slice(2).map(receivedInvitation);
  for (const update of updates)
    t.match(update, { uid: invitation.uid, sequence: 1 }, 'a decline replans: the update goes out');
  t.ok(updates[0] && updates[0].start > invitation.start, 'to a later time');

  await client.append(
    'INBOX',
    decline.replace(/Message-ID: <[^>]+>/, 'Message-ID: <again@mail.agency.example>'),
  );
  await until(
    'the repeated decline read',
    async () => (await folderCount(client, 'Tandem/Processed')) === 3,
  );
  t.match(
    await meetingOf(mentor.user.id),
    { sequence: 1 },
    'a stale answer (old SEQUENCE) moves nothing',
  );

  const proposed = new Date(Date.now() + 4 * 86_400_000);
  proposed.setUTCHours(8, 30, 0, 0);
  await client.append(
    'INBOX',
    outlookReply(
      {
        ...fields(mentee, 'TENTATIVE'),
        sequence: 1,
        start: proposed,
        end: new Date(proposed.getTime() + 45 * 60_000),
      },
      'COUNTER',
    ),
  );
  await sink.waitFor(6, 20_000);
  t.match(
    await meetingOf(mentee.user.id),
    { startsAt: proposed.toISOString(), myResponse: 'accepted', sequence: 2 },
    'a counter (Outlook, its own time zone) moves the meeting to the proposed time, as proposing in the app does',
  );
  for (const update of sink.messages.slice(4).map(receivedInvitation))
    t.match(update, { sequence: 2, start: proposed }, 'both get the new time');
});

/** Who of the meeting's pair has been sent this message about it (`nudge`, `counter-declined`). */
async function notified(app: FastifyInstance, meetingId: string, message: string) {
  const notifications = await app.orm.em
    .fork()
    .find(Notification, { subject: `meeting:${meetingId}:${message}` });
  return notifications.map((notification) => notification.recipient.id);
}

/** The DECLINECOUNTER mail among those received, its calendar read as a calendar would. */
function declineCounterIn(sink: SmtpSink) {
  const mail = sink.messages.find((message) => message.calendar?.method === 'DECLINECOUNTER');
  if (!mail?.calendar) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar.content));
  const event = calendar.getFirstSubcomponent('vevent');
  return {
    to: mail.envelope.to[0],
    subject: mail.subject,
    text: mail.text,
    method: calendar.getFirstPropertyValue('method'),
    uid: event?.getFirstPropertyValue('uid'),
    sequence: event?.getFirstPropertyValue('sequence'),
    organizer: event?.getFirstPropertyValue('organizer'),
    attendees: event?.getAllProperties('attendee').map((line) => line.getFirstValue()),
    stamped: Boolean(event?.getFirstPropertyValue('dtstamp')),
    start: event?.getFirstPropertyValue('dtstart') ?? null,
  };
}

t.test('a tentative answer is "maybe": shown, kept, and not nudged', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const dovecot = await startDovecot(t);
  const app = await mailTestApp(t, sink, replyEnv(dovecot));
  const { hr, mentor, mentee, meetingOf, fields } = await publishedPair(app, sink);
  const client = await dovecotClient(t, dovecot);

  await client.append('INBOX', outlookReply(fields(mentee, 'TENTATIVE')));
  await until(
    'the tentative answer',
    async () => (await meetingOf(mentee.user.id)).myResponse === 'tentative',
  );
  const meeting = await meetingOf(mentor.user.id);
  t.match(
    meeting,
    { partners: [{ response: 'tentative' }], myResponse: 'pending', sequence: 0 },
    'the partner sees "maybe"; the meeting stays where it is',
  );
  await nudgeUnanswered(app.meetingDependencies(), meeting.id);
  t.same(
    await notified(app, meeting.id, 'nudge'),
    [mentor.user.id],
    'the nudge asks only the partner, who has not answered',
  );

  const session = await sessionFor(app, mentor.user.id);
  const maybe = await app.inject({
    method: 'POST',
    url: `/api/meetings/${meeting.id}/rsvp`,
    cookies: session.cookies,
    payload: { response: 'tentative', sequence: meeting.sequence },
  });
  t.equal(maybe.statusCode, 200, 'the app takes "maybe" as an answer');
  t.match(maybe.json(), { myResponse: 'tentative', sequence: 0 }, 'and keeps the time');
  t.match(
    await meetingOf(mentee.user.id),
    { myResponse: 'tentative', partners: [{ response: 'tentative' }] },
    'the other side sees it',
  );
  const listed = await app.inject({
    url: `/api/admin/programmes/${mentor.match.programme.id}/meetings`,
    cookies: hr.cookies,
  });
  t.match(
    listed.json(),
    [{ responses: { [mentor.user.id]: 'tentative', [mentee.user.id]: 'tentative' } }],
    'and so does an admin',
  );
});

/**
 * A published pair whose mentee, reading in `locale`, proposed another time from Outlook, four
 * days on at 8:30 UTC, and the meeting as the mentor then sees it.
 */
async function counteredPair(t: Test, locale: 'de' | 'en') {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const dovecot = await startDovecot(t);
  const app = await mailTestApp(t, sink, replyEnv(dovecot));
  const pair = await publishedPair(app, sink);
  const { mentor, mentee, meetingOf, fields } = pair;
  await app.orm.em.fork().nativeUpdate(User, { id: mentee.user.id }, { locale });
  const client = await dovecotClient(t, dovecot);
  const proposed = new Date(Date.now() + 4 * 86_400_000);
  proposed.setUTCHours(8, 30, 0, 0);
  const counter = { start: proposed, end: new Date(proposed.getTime() + 45 * 60_000) };
  await client.append(
    'INBOX',
    outlookReply({ ...fields(mentee, 'TENTATIVE'), ...counter }, 'COUNTER'),
  );
  await sink.waitFor(4, 20_000);
  return { ...pair, app, sink, client, proposed, moved: await meetingOf(mentor.user.id) };
}

t.test('a refused calendar counter is answered with a DECLINECOUNTER', async (t) => {
  const { app, sink, client, mentor, mentee, invitation, meetingOf, fields, proposed, moved } =
    await counteredPair(t, 'en');
  t.match(
    moved,
    { startsAt: proposed.toISOString(), sequence: 1, partners: [{ response: 'accepted' }] },
    "the counter moves the meeting and the partner is asked about the counterer's time",
  );

  await client.append(
    'INBOX',
    thunderbirdReply({ ...fields(mentor, 'DECLINED'), sequence: 1, messageId: 'no-1' }),
  );
  await sink.waitFor(7, 20_000);
  t.match(
    declineCounterIn(sink),
    {
      to: mentee.user.email,
      subject: /^Your proposed time does not suit: /,
      text: new RegExp(`${mentor.user.name} cannot make the time you proposed for "`),
      method: 'DECLINECOUNTER',
      uid: invitation.uid,
      sequence: 0,
      organizer: `mailto:${REPLY_TO}`,
      attendees: [`mailto:${mentee.user.email}`],
      stamped: true,
      start: null,
    },
    "the counterer's calendar is told, in their language, that the time it proposed is refused",
  );
  t.same(
    await notified(app, moved.id, 'counter-declined'),
    [mentee.user.id],
    'and only the counterer',
  );
  const replanned = await meetingOf(mentor.user.id);
  t.match(replanned, { sequence: 2, myResponse: 'pending' }, 'the meeting is planned again');
  t.ok(new Date(replanned.startsAt) > proposed, 'at a later time');
  for (const update of sink.messages.filter((mail) => mail.calendar?.method === 'REQUEST').slice(4))
    t.match(receivedInvitation(update), { sequence: 2 }, 'both get the new time');
});

t.test(
  'a counter the partner accepts sends no DECLINECOUNTER, until they decline it',
  async (t) => {
    const { app, sink, mentor, mentee, meetingOf, moved } = await counteredPair(t, 'de');
    const session = await sessionFor(app, mentor.user.id);
    const answer = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/meetings/${moved.id}/rsvp`,
        cookies: session.cookies,
        payload: { ...payload, sequence: moved.sequence },
      });

    t.equal((await answer({ response: 'accepted' })).statusCode, 200);
    t.same(
      await notified(app, moved.id, 'counter-declined'),
      [],
      'accepting the counter sends nothing',
    );
    t.match(await meetingOf(mentee.user.id), { partners: [{ response: 'accepted' }], sequence: 1 });

    t.equal((await answer({ response: 'declined' })).statusCode, 200);
    t.same(
      await notified(app, moved.id, 'counter-declined'),
      [mentee.user.id],
      'declining it in the app later tells the counterer all the same',
    );
    await sink.waitFor(7, 20_000);
    t.match(declineCounterIn(sink), {
      to: mentee.user.email,
      sequence: 0,
      text: /Mentorin 0 kann zu der Zeit/,
    });
  },
);

t.test('a message is answered once, by two readers at once or after a restart', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const dovecot = await startDovecot(t);
  const app = await mailTestApp(t, sink);
  const { mentor, meetingOf, fields } = await publishedPair(app, sink);
  const settings = loadConfig(replyEnv(dovecot)).replyMailbox;
  if (!settings) throw new Error('no reply mailbox settings');
  const first = await dovecotClient(t, dovecot);
  const second = await dovecotClient(t, dovecot);
  for (const client of [first, second]) {
    await client.mailboxCreate('Tandem/Processed').catch(() => undefined);
    await client.mailboxCreate('Tandem/Unprocessed').catch(() => undefined);
  }
  const accept = gmailReply({ ...fields(mentor, 'ACCEPTED'), messageId: 'accept-1' });
  await first.append('INBOX', accept);
  await first.append(
    'INBOX',
    thunderbirdReply({ ...fields(mentor, 'DECLINED'), messageId: 'decline-1' }),
  );
  const deps = app.meetingDependencies();
  const silent = createLogger({ logLevel: 'silent' });
  await first.mailboxOpen('INBOX');
  await second.mailboxOpen('INBOX');
  await Promise.all([
    readInbox(first, settings, deps, silent),
    readInbox(second, settings, deps, silent),
  ]);
  await sink.waitFor(4, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  t.equal(sink.messages.length, 4, 'one decline, one update per person');
  t.match(await meetingOf(mentor.user.id), { sequence: 1 }, 'moved once');

  await first.append(
    'INBOX',
    thunderbirdReply({ ...fields(mentor, 'DECLINED'), messageId: 'decline-1', sequence: 1 }),
  );
  await readInbox(first, settings, deps, silent);
  t.match(
    await meetingOf(mentor.user.id),
    { sequence: 1 },
    'the same message read again after a restart changes nothing',
  );
  t.equal(sink.messages.length, 4, 'and sends nothing');
  t.equal(await folderCount(first, 'INBOX'), 0, 'every message left the inbox');
});

t.test('an in-app answer naming an outdated sequence is refused', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const { mentee, meetingOf } = await publishedPair(app, sink);
  const meeting = await meetingOf(mentee.user.id);
  const session = await sessionFor(app, mentee.user.id);
  const decline = () =>
    app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/rsvp`,
      cookies: session.cookies,
      payload: { response: 'declined', sequence: meeting.sequence },
    });
  const first = await decline();
  t.equal(first.statusCode, 200);
  const again = await decline();
  t.equal(again.statusCode, 409, 'a double-clicked decline does not move the meeting twice');
  t.match(await meetingOf(mentee.user.id), { sequence: 1, startsAt: first.json().startsAt });
});

t.test('tandem doctor logs in to the reply mailbox', async (t) => {
  const dovecot = await startDovecot(t);
  const base = { TANDEM_DATA_DIR: t.testdirName };
  const good = await doctorChecks({ ...base, ...replyEnv(dovecot) });
  t.match(
    good.find((check) => check.name === 'reply mailbox'),
    { status: 'ok' },
  );
  const bad = await doctorChecks({ ...base, ...replyEnv(dovecot, 'wrong') });
  t.match(
    bad.find((check) => check.name === 'reply mailbox'),
    { status: 'failed', fix: /REPLY_MAILBOX_PASSWORD/ },
  );
});

/** A COUNTER for 10:00 on 1 March 2030 in the zone `tzid`, with `zone` lines beside the event. */
function counterIn(tzid: string, zone: string[]): string {
  const calendar = [
    'BEGIN:VCALENDAR',
    'METHOD:COUNTER',
    'VERSION:2.0',
    ...zone,
    'BEGIN:VEVENT',
    'UID:zone-test@tandem',
    `DTSTART;TZID=${tzid}:20300301T100000`,
    `DTEND;TZID=${tzid}:20300301T110000`,
    'ATTENDEE;PARTSTAT=TENTATIVE:mailto:mentee@agency.example',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  return [
    'From: mentee@agency.example',
    'To: antworten@agency.example',
    'Subject: New Time Proposed: Tandem',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/calendar; charset=utf-8; method=COUNTER',
    '',
    calendar,
    '--b--',
    '',
  ].join('\r\n');
}

t.test('a mail cannot plant a time zone for the replies after it', async (t) => {
  const tzid = 'Tandem Planted Zone';
  const planted = await parseCalendarReply(
    counterIn(tzid, [
      'BEGIN:VTIMEZONE',
      `TZID:${tzid}`,
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]),
  );
  t.same(planted?.proposedStart, new Date('2030-03-01T03:00:00Z'), 'its own zone applies to it');
  const later = await parseCalendarReply(counterIn(tzid, []));
  t.same(
    later?.proposedStart,
    new Date(2030, 2, 1, 10),
    'a later reply naming the zone without defining it is read as floating time, not +07:00',
  );
});

t.test(
  'the reader polls a quiet mailbox without piling up listeners, and stops at once',
  async (t) => {
    const dovecot = await startDovecot(t);
    const configured = loadConfig(replyEnv(dovecot)).replyMailbox;
    if (!configured) throw new Error('no reply mailbox settings');
    const warnings: string[] = [];
    const warned = (warning: Error) => warnings.push(warning.name);
    process.on('warning', warned);
    t.teardown(() => process.off('warning', warned));
    const lines: string[] = [];
    let onLine = (_line: string) => {};
    const write = (line: string) => {
      lines.push(line);
      onLine(line);
    };
    const log = pino({ level: 'info' }, { write });
    // Never used: these readers only see mail without a calendar, which no meeting is asked about.
    const deps = {} as MeetingDependencies;

    const polling = startReplyMailbox({ ...configured, pollMs: 20 }, deps, log);
    await until('the reader', async () => lines.some((line) => line.includes('reading the reply')));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await polling.stop();
    t.same(warnings, [], 'dozens of quiet polls add no listeners (no MaxListenersExceededWarning)');

    // Stopped during a sweep, the reader does not start another wait of pollMs.
    const reader = startReplyMailbox({ ...configured, pollMs: 60_000 }, deps, log);
    await until('the reader', async () => lines.filter((l) => l.includes('reading the reply'))[1]);
    const took = new Promise<number>((resolve) => {
      onLine = (line) => {
        if (!line.includes('set aside')) return;
        onLine = () => {};
        const asked = Date.now();
        void reader.stop().then(() => resolve(Date.now() - asked));
      };
    });
    const client = await dovecotClient(t, dovecot);
    await client.append('INBOX', 'From: someone@agency.example\r\nSubject: hello\r\n\r\nhi\r\n');
    const ms = await took;
    t.ok(ms < 2000, `stop() returns at once (${ms} ms), not after the next poll`);
  },
);
