import type { ChatContent } from '../chat-content.js';
import { oneLine } from './slack.js';

/** Rocket.Chat's incoming-webhook payload: Slack-like `text`; `alias` is the shown sender. */
export interface RocketChatPayload {
  text: string;
  alias: string;
}

/** `*title*`, the text and one `[label](url)` line per link: Rocket.Chat's markdown. */
export function rocketChatPayload(content: ChatContent, username: string): RocketChatPayload {
  const title = `*${oneLine(content.title)}*`;
  const links = content.links.map(
    (link) => `[${markdownLabel(link.label)}](${markdownUrl(link.url)})`,
  );
  const parts = [title, content.text, links.join('\n')];
  return { text: parts.filter((part) => part !== '').join('\n\n'), alias: username };
}

// Brackets in a label or parentheses in a URL would end the link early.
export function markdownLabel(label: string): string {
  return oneLine(label).replace(/[[\]]/g, '');
}

export function markdownUrl(url: string): string {
  return url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20');
}
