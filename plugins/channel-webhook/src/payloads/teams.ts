import type { ChatContent } from '../chat-content.js';

/** An Adaptive Card element or action; the card schema is open, so only what is used. */
type CardPart = Record<string, string | boolean>;

/**
 * What a Teams incoming webhook or a Workflows "post to a channel when a webhook request is
 * received" flow accepts: a message with one Adaptive Card attachment.
 */
export interface TeamsPayload {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: string;
      type: 'AdaptiveCard';
      version: '1.4';
      body: CardPart[];
      actions: CardPart[];
    };
  }[];
}

/** A card with the title in bold, the text, and a button (Action.OpenUrl) per link. */
export function teamsPayload(content: ChatContent): TeamsPayload {
  const title = { type: 'TextBlock', text: content.title, weight: 'Bolder', size: 'Medium' };
  const body = [title, { type: 'TextBlock', text: content.text }].map((block) => ({
    ...block,
    wrap: true, // without it Teams cuts every block to one line
  }));
  const actions = content.links.map((link) => ({
    type: 'Action.OpenUrl',
    title: link.label,
    url: link.url,
  }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          // 1.4 is what both classic incoming webhooks and Workflows render.
          version: '1.4',
          body,
          actions,
        },
      },
    ],
  };
}
