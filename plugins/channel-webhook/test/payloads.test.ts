import t from 'tap';
import type { MatrixPayload } from '../src/payloads/matrix.js';
import type { RocketChatPayload } from '../src/payloads/rocketchat.js';
import type { SlackPayload } from '../src/payloads/slack.js';
import type { TeamsPayload } from '../src/payloads/teams.js';
import { startHookServer } from './hook-server.js';
import { messageTo, secretPath, send } from './send.js';

const hooks = await startHookServer();
t.teardown(() => hooks.close());

const links = [
  { label: 'Open the meeting', url: 'https://tandem.example.org/sessions/session-001' },
  { label: 'Give feedback', url: 'https://tandem.example.org/feedback/session-001?step=1' },
];

/** Posts the English sample invitation (with two links) in a style; what the chat received. */
async function received(style: 'slack' | 'rocketchat' | 'teams' | 'matrix', username?: string) {
  const { path } = secretPath();
  const message = messageTo(hooks.url(path), { recipient: { locale: 'en' }, links });
  const config = username === undefined ? { style } : { style, username };
  const { result } = await send(message, config);
  t.same(result, { status: 'delivered' }, `${style}: delivered`);
  const [request, ...more] = hooks.received(path);
  t.equal(more.length, 0, `${style}: posted once`);
  t.match(request?.headers['content-type'], /^application\/json/, `${style}: sent as JSON`);
  t.notMatch(request?.raw, /VCALENDAR|VEVENT/, `${style}: no calendar object in the chat`);
  return { message, json: request?.json };
}

t.test('slack: bold subject, the text and every link in mrkdwn', async (t) => {
  const { message, json } = await received('slack');
  const payload = json as SlackPayload;
  t.ok(payload.text.startsWith(`*${message.subject}*\n\n`), 'the subject first, in bold');
  t.ok(payload.text.includes('Your first tandem meeting is on Monday'), 'the text');
  for (const link of links)
    t.ok(payload.text.includes(`<${link.url}|${link.label}>`), `a link to ${link.label}`);
  t.equal(payload.username, 'Tandem', 'the configured sender name');
});

t.test(
  'slack: <, > and & in the text are escaped, as Slack would otherwise drop them',
  async (t) => {
    const { path } = secretPath();
    const message = messageTo(hooks.url(path), { subject: 'Q&A <today>', text: 'a < b & c > d' });
    await send(message, { style: 'slack' });
    const payload = hooks.received(path)[0]?.json as SlackPayload;
    t.ok(payload.text.startsWith('*Q&amp;A &lt;today&gt;*'), payload.text);
    t.ok(payload.text.includes('a &lt; b &amp; c &gt; d'), payload.text);
  },
);

t.test('rocketchat: Slack-like text with markdown links, the sender as alias', async (t) => {
  const { message, json } = await received('rocketchat', 'Mentoring');
  const payload = json as RocketChatPayload;
  t.ok(payload.text.startsWith(`*${message.subject}*\n\n`), 'the subject first, in bold');
  for (const link of links)
    t.ok(payload.text.includes(`[${link.label}](${link.url})`), `a link to ${link.label}`);
  t.equal(payload.alias, 'Mentoring');
});

t.test('teams: an Adaptive Card 1.4 with title, text and a button per link', async (t) => {
  const { message, json } = await received('teams');
  const payload = json as TeamsPayload;
  t.equal(payload.type, 'message');
  t.equal(payload.attachments.length, 1);
  const attachment = payload.attachments[0];
  t.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  const card = attachment?.content;
  t.match(card, { type: 'AdaptiveCard', version: '1.4' });
  t.match(card?.body, [
    { type: 'TextBlock', text: message.subject, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: message.text, wrap: true },
  ]);
  t.same(
    card?.actions,
    links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
  );
});

t.test('matrix: plain text and HTML for hookshot, with the sender name', async (t) => {
  const { message, json } = await received('matrix');
  const payload = json as MatrixPayload;
  t.ok(payload.text.startsWith(`${message.subject}\n\n`), 'text: the subject first');
  t.ok(payload.text.includes(`Give feedback: ${links[1]?.url}`), 'text: the links');
  t.ok(payload.html.startsWith(`<p><strong>${message.subject}</strong></p>`), 'html: bold title');
  t.ok(payload.html.includes(message.html ?? 'no html'), "html: the message's own HTML");
  t.ok(
    payload.html.includes('<a href="https://tandem.example.org/feedback/session-001?step=1">'),
    'html: a link per link',
  );
  t.equal(payload.username, 'Tandem');
});

t.test('a link that is not an absolute web URL is left out', async (t) => {
  const { path } = secretPath();
  const odd = [{ label: 'Relative', url: '/sessions/1' }, ...links.slice(0, 1)];
  await send(messageTo(hooks.url(path), { links: odd }), { style: 'teams' });
  const payload = hooks.received(path)[0]?.json as TeamsPayload;
  t.same(
    payload.attachments[0]?.content.actions.map((a) => a.title),
    ['Open the meeting'],
    'Teams would refuse the whole card over it',
  );
});
