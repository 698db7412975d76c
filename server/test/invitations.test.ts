import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import { DateTime } from 'luxon';
import t from 'tap';
import { holidayCalendar } from '../src/modules/meetings/holiday-calendar.js';
import { FROM, mailTestApp, proposedPairs, type Window } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const PAIRS = 50;

/** True when the slot lies inside one of the windows, read in Berlin time. */
function inside(windows: Window[], start: Date, end: Date): boolean {
  const from = DateTime.fromJSDate(start, { zone: 'Europe/Berlin' });
  const to = DateTime.fromJSDate(end, { zone: 'Europe/Berlin' });
  return windows.some(
    (w) =>
      w.weekday === from.weekday &&
      from.toFormat('HH:mm') >= w.from &&
      to.toFormat('HH:mm') <= w.to &&
      from.hasSame(to, 'day'),
  );
}

t.test('publishing 50 pairs sends exactly 100 invitations that calendars accept', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme, people } = await proposedPairs(app, PAIRS);

  const publish = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  t.equal(publish.statusCode, 200);
  await sink.waitFor(2 * PAIRS, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  t.equal(sink.messages.length, 2 * PAIRS, 'one invitation per person, none twice');

  const invitations = sink.messages.map(receivedInvitation);
  const holidays = holidayCalendar('DE-BY');
  const problems: string[] = [];
  for (const person of people) {
    const address = person.user.email ?? '';
    const mine = invitations.filter((invitation) => invitation.to === address);
    const invitation = mine[0];
    if (mine.length !== 1 || !invitation) {
      problems.push(`${address}: ${mine.length} invitations`);
      continue;
    }
    const partner = people.find((p) => p.pair === person.pair && p !== person);
    const expect = (ok: boolean, what: string) => ok || problems.push(`${address}: ${what}`);
    expect(invitation.mimeMethod === 'REQUEST' && invitation.method === 'REQUEST', 'REQUEST');
    expect(invitation.calendarParts === 1, 'the event once in the mail');
    expect(invitation.tzid === 'Europe/Berlin', "in the organisation's time zone");
    expect(invitation.vtimezones.join() === 'Europe/Berlin', 'with its VTIMEZONE');
    expect(/^meeting-[0-9a-f-]{36}@tandem\.agency\.example$/.test(invitation.uid), 'UID');
    expect(invitation.sequence === 0, 'SEQUENCE 0');
    expect(invitation.organizer === `mailto:${FROM}`, 'organiser is the sender');
    expect(
      invitation.attendees.includes(`mailto:${address}`) &&
        invitation.attendees.includes(`mailto:${partner?.user.email}`),
      'both partners attend',
    );
    expect(inside(person.windows, invitation.start, invitation.end), 'inside my windows');
    expect(inside(partner?.windows ?? [], invitation.start, invitation.end), "inside my partner's");
    const day = DateTime.fromJSDate(invitation.start, { zone: 'Europe/Berlin' }).toISODate();
    expect(!holidays.holidayOn(day ?? ''), 'not on a holiday');
    expect(invitation.end.getTime() - invitation.start.getTime() === 45 * 60_000, '45 minutes');
    expect(
      person.pair % 2
        ? invitation.subject.startsWith('Tandem meeting:')
        : invitation.subject.startsWith('Tandem-Treffen:'),
      'in my language',
    );
    expect(invitation.text.includes('https://meet.agency.example/tandem-'), 'the video room');
  }
  t.same(problems, [], 'every invitation is right');
  const uids = new Set(invitations.map((invitation) => invitation.uid));
  t.equal(uids.size, PAIRS, 'one meeting per pair, both partners invited to the same');

  const first = people[0];
  const inbox = await app.inject({
    url: '/api/me/inbox',
    cookies: (await sessionFor(app, first?.user.id ?? '')).cookies,
  });
  t.match(inbox.json(), { unread: 1, entries: [{ kind: 'invitation', link: /^\/tandem\// }] });
});

t.test(
  'a decline moves the meeting (same UID, higher SEQUENCE), dissolving cancels it',
  async (t) => {
    const sink = await startSmtpSink();
    t.teardown(() => sink.close());
    const app = await mailTestApp(t, sink);
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const { programme, people } = await proposedPairs(app, 2);
    await app.inject({
      method: 'POST',
      url: `/api/admin/programmes/${programme.id}/publish`,
      cookies: hr.cookies,
    });
    await sink.waitFor(4, 30_000);
    const [mentor, mentee, otherMentor, otherMentee] = people;
    const menteeSession = await sessionFor(app, mentee?.user.id ?? '');
    const [meeting] = (
      await app.inject({ url: '/api/meetings', cookies: menteeSession.cookies })
    ).json();
    t.match(meeting, {
      myResponse: 'pending',
      partners: [{ name: 'Mentorin 0', response: 'pending' }],
    });
    const menteeMail = sink.messages.find((m) => m.envelope.to[0] === mentee?.user.email);
    if (!menteeMail) throw new Error('the mentee got no invitation');
    const before = receivedInvitation(menteeMail);

    const declined = await app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/rsvp`,
      cookies: menteeSession.cookies,
      payload: { response: 'declined' },
    });
    t.equal(declined.statusCode, 200);
    t.ok(new Date(declined.json().startsAt) > new Date(meeting.startsAt), 'moved to a later time');
    await sink.waitFor(6, 30_000).catch((error) => {
      t.comment(JSON.stringify(sink.messages.map((m) => [m.envelope.to, m.subject])));
      throw error;
    });
    const updates = sink.messages.slice(4).map(receivedInvitation);
    t.same(
      updates.map((u) => u.to).sort(),
      [mentee?.user.email, mentor?.user.email].sort(),
      'both get the update',
    );
    for (const update of updates) {
      t.match(update, { method: 'REQUEST', mimeMethod: 'REQUEST', uid: before.uid, sequence: 1 });
      t.ok(update.start > before.start && inside(mentee?.windows ?? [], update.start, update.end));
    }

    const proposed = new Date(Date.now() + 3 * 86_400_000);
    proposed.setUTCHours(9, 0, 0, 0);
    const mentorOfMeeting = await sessionFor(app, mentor?.user.id ?? '');
    const counter = await app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/rsvp`,
      cookies: mentorOfMeeting.cookies,
      payload: { response: 'declined', proposedStart: proposed.toISOString() },
    });
    t.equal(counter.statusCode, 200);
    t.match(
      counter.json(),
      { startsAt: proposed.toISOString(), myResponse: 'accepted' },
      'a declined meeting with a proposed time moves to that time, accepted by the proposer',
    );
    await sink.waitFor(8, 30_000);
    for (const update of sink.messages.slice(6, 8).map(receivedInvitation))
      t.match(
        update,
        { uid: before.uid, sequence: 2, start: proposed, calendarParts: 1, tzid: 'Europe/Berlin' },
        'both get the new time, once, in Berlin time',
      );

    const mentorSession = await sessionFor(app, otherMentor?.user.id ?? '');
    const pairId = otherMentor?.match.id;
    const report = await app.inject({
      method: 'POST',
      url: `/api/pairs/${pairId}/mismatch`,
      cookies: mentorSession.cookies,
      payload: { reason: 'Die Chemie stimmt nicht.' },
    });
    t.equal(report.statusCode, 204);
    await sink.waitFor(11, 30_000);
    const after = sink.messages.slice(8);
    const cancels = after.filter((m) => m.calendar).map(receivedInvitation);
    t.equal(cancels.length, 2, 'both get the cancellation');
    for (const cancel of cancels)
      t.match(cancel, {
        method: 'CANCEL',
        mimeMethod: 'CANCEL',
        calendarParts: 1,
        status: 'CANCELLED',
        sequence: 1,
      });
    const notices = after.filter((m) => !m.calendar);
    t.same(
      notices.map((m) => m.envelope.to[0]),
      [otherMentee?.user.email],
      'only the partner is told, not the one who reported',
    );
    t.equal(
      notices[0]?.subject,
      'Your tandem with Mentorin 1 ends here',
      'kindly, in their language',
    );
    t.notMatch(notices[0]?.text, /Chemie/, 'the reason stays with the admins');
  },
);
