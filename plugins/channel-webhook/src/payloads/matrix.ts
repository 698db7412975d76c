import type { ChatContent } from '../chat-content.js';

/**
 * A matrix-hookshot generic-webhook payload: `text` is the plain body, `html` the formatted
 * one (hookshot then skips its own markdown rendering), `username` is shown as the sender.
 */
export interface MatrixPayload {
  text: string;
  html: string;
  username: string;
}

/** The title, the text (the message's HTML when it has one) and a line per link. */
export function matrixPayload(content: ChatContent, username: string): MatrixPayload {
  const textLinks = content.links.map((link) => `${link.label}: ${link.url}`);
  const text = [content.title, content.text, textLinks.join('\n')].filter((p) => p !== '');
  const htmlLinks = content.links.map(
    (link) => `<a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`,
  );
  const html = [
    `<p><strong>${escapeHtml(content.title)}</strong></p>`,
    content.html ?? textAsHtml(content.text),
    htmlLinks.length > 0 ? `<p>${htmlLinks.join('<br>')}</p>` : '',
  ];
  return { text: text.join('\n\n'), html: html.join(''), username };
}

/** Plain text as paragraphs, its single line breaks kept. */
function textAsHtml(text: string): string {
  if (text === '') return '';
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
