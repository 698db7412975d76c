import type { ChatContent } from '../chat-content.js';

/** Slack's incoming-webhook payload: mrkdwn text; `username` counts for legacy webhooks only. */
export interface SlackPayload {
  text: string;
  username: string;
}

/** `*title*`, the text and one `<url|label>` line per link, escaped as Slack asks. */
export function slackPayload(content: ChatContent, username: string): SlackPayload {
  const title = `*${escapeSlack(oneLine(content.title))}*`;
  const links = content.links.map((link) => `<${slackUrl(link.url)}|${slackLabel(link.label)}>`);
  const parts = [title, escapeSlack(content.text), links.join('\n')];
  return { text: parts.filter((part) => part !== '').join('\n\n'), username };
}

// https://api.slack.com/reference/surfaces/formatting#escaping: only these three.
export function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A bold run ends at a line break, so the title keeps to one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

// Inside <url|label> a `|` or `>` would end the part early.
function slackUrl(url: string): string {
  return url.replaceAll('|', '%7C').replaceAll('<', '%3C').replaceAll('>', '%3E');
}

function slackLabel(label: string): string {
  return escapeSlack(oneLine(label)).replaceAll('|', '/');
}
