import { createTestContext, sampleMessage } from '@tandem/plugin-testkit';
import t from 'tap';
import email from '../src/index.js';
import { configFor, sinkFor } from './helpers/email-setup.js';

const URL = 'https://tandem.example.org/sessions/session-001';
const SURVEY = 'https://tandem.example.org/feedback?session=1&person=2';

/** Unfolded iCalendar with LF line ends, to compare content that went through MIME. */
const lf = (text: string) => text.replace(/\r\n/g, '\n');

t.test('an invitation arrives with subject, text, HTML document, links and calendar', async (t) => {
  const sink = await sinkFor(t);
  const message = sampleMessage({
    deliveryKey: 'invitation:1',
    recipient: { locale: 'en', name: 'Ada Lovelace', address: 'ada@example.org' },
    text: 'Hello Ada,\n\nyour first tandem meeting is on Monday.',
    links: [
      { label: 'Open the meeting', url: URL },
      { label: 'Tell us how it went', url: SURVEY },
    ],
  });
  const { ctx } = createTestContext({ config: configFor(sink, { fromName: 'Tandem BVA' }) });

  t.same(await email.send(message, ctx), { status: 'delivered' });
  const [mail] = await sink.waitFor(1);
  if (!mail) throw new Error('unreachable: waitFor resolved with a message');

  t.same(mail.envelope, { from: 'tandem@example.org', to: ['ada@example.org'] });
  t.equal(mail.headers.get('from'), 'Tandem BVA <tandem@example.org>');
  t.equal(mail.headers.get('to'), 'Ada Lovelace <ada@example.org>');
  t.equal(mail.subject, message.subject);
  t.equal(mail.headers.get('date'), 'Mon, 05 Jan 2026 09:00:00 +0000', 'dated by ctx.now()');
  t.equal(mail.headers.get('content-language'), 'en', 'in the recipient’s language');
  t.match(mail.text, /^Hello Ada,\n\nyour first tandem meeting is on Monday\.\n\n/);
  t.match(mail.text, `Open the meeting: ${URL}\nTell us how it went: ${SURVEY}`);

  const html = mail.html ?? '';
  t.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  t.match(html, '<meta charset="utf-8">');
  t.match(html, '<p>Hello Ada Lovelace,</p>', 'the fragment is in the body');
  t.match(html, `<li><a href="${URL}">Open the meeting</a></li>`);
  t.match(html, '<a href="https://tandem.example.org/feedback?session=1&amp;person=2">');

  t.equal(mail.calendar?.method, 'REQUEST');
  t.match(mail.calendar?.contentType, /^text\/calendar;.*method=REQUEST/);
  t.equal(lf(mail.calendar?.content ?? ''), lf(message.calendar ?? ''), 'calendar byte for byte');
});

/** How often a component begins in an iCalendar text. */
const count = (text: string, component: string) =>
  text.split(/\r?\n/).filter((line) => line === `BEGIN:${component}`).length;

t.test('the event is in the mail once, as the last alternative, method as inside', async (t) => {
  const sink = await sinkFor(t);
  const request = sampleMessage({ deliveryKey: 'layout:request' });
  const plain = sampleMessage({ deliveryKey: 'layout:plain', html: undefined });
  const cancel = sampleMessage({
    deliveryKey: 'layout:cancel',
    kind: 'cancel',
    calendar: (request.calendar ?? '').replace('METHOD:REQUEST', 'METHOD:CANCEL'),
  });
  // A refused counter proposal (RFC 5546 DECLINECOUNTER) travels the same way.
  const declineCounter = sampleMessage({
    deliveryKey: 'layout:declinecounter',
    kind: 'update',
    calendar: (request.calendar ?? '').replace('METHOD:REQUEST', 'METHOD:DECLINECOUNTER'),
  });
  const cases = [
    { message: request, method: 'REQUEST', partId: '3' },
    { message: plain, method: 'REQUEST', partId: '2' },
    { message: cancel, method: 'CANCEL', partId: '3' },
    { message: declineCounter, method: 'DECLINECOUNTER', partId: '3' },
  ];
  for (const { message } of cases)
    await email.send(message, createTestContext({ config: configFor(sink) }).ctx);
  const mails = await sink.waitFor(cases.length);
  for (const [i, { method, partId }] of cases.entries()) {
    const mail = mails[i];
    t.match(mail?.headers.get('content-type'), /^multipart\/alternative;/, `${method}: top level`);
    t.equal(mail?.calendars.length, 1, `${method}: one calendar part, no invite.ics beside it`);
    const [part] = mail?.calendars ?? [];
    t.equal(part?.partId, partId, `${method}: after the text and HTML it stands for`);
    t.match(part?.contentType, /^text\/calendar; /, `${method}: as text/calendar`);
    t.equal(part?.disposition, undefined, `${method}: not an attachment`);
    t.equal(part?.method, method, `${method}: the method parameter is the METHOD inside`);
    t.match(part?.content, `\nMETHOD:${method}\r\n`);
    t.equal(count(part?.content ?? '', 'VCALENDAR'), 1, `${method}: one VCALENDAR`);
    t.equal(count(part?.content ?? '', 'VEVENT'), 1, `${method}: one VEVENT`);
  }
});

t.test('German recipients get lang="de"; a link the text shows is not repeated', async (t) => {
  const sink = await sinkFor(t);
  const message = sampleMessage({ deliveryKey: 'invitation:de' }); // its text ends with the URL
  const { ctx } = createTestContext({ config: configFor(sink) });
  await email.send(message, ctx);
  const [mail] = await sink.waitFor(1);
  t.match(mail?.html, /<html lang="de">/);
  t.equal(mail?.text.split(URL).length, 2, 'the URL appears once in the text');
  t.equal(mail?.headers.get('from'), 'Tandem <tandem@example.org>', 'fromName defaults to Tandem');
});

t.test('a retry after a crash (same key, empty store) carries the same Message-ID', async (t) => {
  const sink = await sinkFor(t);
  const config = configFor(sink);
  const message = sampleMessage({ deliveryKey: 'invitation:retry' });
  await email.send(message, createTestContext({ config }).ctx);
  await email.send(message, createTestContext({ config }).ctx);
  await email.send(
    sampleMessage({ deliveryKey: 'invitation:other' }),
    createTestContext({ config }).ctx,
  );
  const [first, retry, other] = await sink.waitFor(3);
  t.match(first?.messageId, /^<[0-9a-f]{64}@example\.org>$/);
  t.equal(retry?.messageId, first?.messageId);
  t.not(other?.messageId, first?.messageId, 'another delivery key, another Message-ID');
});

t.test('a CANCEL goes out as method=CANCEL', async (t) => {
  const sink = await sinkFor(t);
  const request = sampleMessage().calendar ?? '';
  const calendar = request
    .replace('METHOD:REQUEST', 'METHOD:CANCEL')
    .replace('STATUS:CONFIRMED', 'STATUS:CANCELLED')
    .replace('SEQUENCE:0', 'SEQUENCE:1');
  const message = sampleMessage({ deliveryKey: 'cancel:1', kind: 'cancel', calendar });
  await email.send(message, createTestContext({ config: configFor(sink) }).ctx);
  const [mail] = await sink.waitFor(1);
  t.equal(mail?.calendar?.method, 'CANCEL');
  t.match(mail?.calendar?.contentType, /method=CANCEL/);
  t.match(mail?.calendar?.content, 'STATUS:CANCELLED');
});

t.test('a message without HTML or calendar is plain text only', async (t) => {
  const sink = await sinkFor(t);
  const message = sampleMessage({
    deliveryKey: 'notice:1',
    kind: 'notice',
    html: undefined,
    calendar: undefined,
    links: undefined,
  });
  await email.send(message, createTestContext({ config: configFor(sink) }).ctx);
  const [mail] = await sink.waitFor(1);
  t.equal(mail?.html, undefined);
  t.equal(mail?.calendar, undefined);
  t.match(mail?.headers.get('content-type'), /^text\/plain; charset=utf-8/);
  t.equal(mail?.text.trimEnd(), message.text, 'the text as given, no links added');
});

t.test('a delivered key is remembered, so a retry sends nothing', async (t) => {
  const sink = await sinkFor(t);
  const first = createTestContext({ config: configFor(sink) });
  const message = sampleMessage({ deliveryKey: 'invitation:remembered' });
  await email.send(message, first.ctx);
  const retry = createTestContext({ config: first.ctx.config, store: first.store });
  t.same(await email.send(message, retry.ctx), { status: 'delivered' });
  t.equal(sink.messages.length, 1);
  const [entry] = first.store.entries();
  const days = ((entry?.expiresAt?.getTime() ?? 0) - first.clock.now().getTime()) / 86_400_000;
  t.equal(days, 30, 'for 30 days');
});

t.test('a store that fails after the send still reports delivered, and warns', async (t) => {
  const sink = await sinkFor(t);
  const { ctx, logs, store } = createTestContext({ config: configFor(sink) });
  const failing = {
    ...store,
    set: async () => {
      throw new Error('database is read-only');
    },
  };
  const result = await email.send(sampleMessage({ deliveryKey: 'invitation:store' }), {
    ...ctx,
    store: failing,
  });
  t.same(result, { status: 'delivered' }, 'no retry, which would send the mail twice');
  t.equal(sink.messages.length, 1);
  t.match(logs, [{ level: 'warn', data: { error: 'database is read-only' } }]);
});
