import type { OutgoingMessage } from '@tandem/plugin-sdk';

/** A labelled link, as a button or a link line in the chat. */
export interface ChatLink {
  label: string;
  url: string;
}

/**
 * What of a message goes to a chat room. Chosen field by field so that what a chat cannot
 * show (the iCalendar object) or should not show never reaches a payload.
 */
export interface ChatContent {
  title: string;
  text: string;
  html?: string;
  links: ChatLink[];
}

/** The chat content of a message; links that are not absolute http(s) URLs are left out. */
export function chatContent(message: OutgoingMessage): ChatContent {
  const links = (message.links ?? []).filter((link) => isWebUrl(link.url));
  const content: ChatContent = { title: message.subject.trim(), text: message.text.trim(), links };
  if (message.html !== undefined) content.html = message.html;
  return content;
}

// A chat cannot open a relative link, and Teams refuses a whole card over one bad URL.
function isWebUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}
