import type { OutgoingMessage } from '@tandem/plugin-sdk';

type Link = NonNullable<OutgoingMessage['links']>[number];

/**
 * The plain-text part: the message's text, then each link as `label: url` on a line of its
 * own. A link whose URL the text already shows is left out, so it is not there twice.
 */
export function textBody(message: OutgoingMessage): string {
  const links = (message.links ?? []).filter((link) => !message.text.includes(link.url));
  if (links.length === 0) return message.text;
  const lines = links.map((link) => `${link.label}: ${link.url}`);
  return `${message.text.trimEnd()}\n\n${lines.join('\n')}\n`;
}

/**
 * The HTML part: the message's fragment in a complete document, so mail clients get the
 * language (`lang`, for screen readers and hyphenation) and the charset from the document
 * itself; links the fragment does not already point to follow as a list. Undefined when the
 * message has no HTML: then the mail is plain text only.
 */
export function htmlBody(message: OutgoingMessage): string | undefined {
  if (message.html === undefined) return;
  const html = message.html;
  const links = (message.links ?? []).filter((link) => !pointsTo(html, link.url));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(message.recipient.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(message.subject)}</title>`,
    '</head>',
    '<body>',
    html,
    ...linkList(links),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function linkList(links: Link[]): string[] {
  if (links.length === 0) return [];
  const items = links.map(
    (link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`,
  );
  return ['<ul>', ...items, '</ul>'];
}

/** Whether the fragment shows the URL already, written as is or with `&` as `&amp;`. */
function pointsTo(html: string, url: string): boolean {
  return html.includes(url) || html.includes(url.replaceAll('&', '&amp;'));
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
