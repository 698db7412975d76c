import type { ChatContent } from '../chat-content.js';
import type { WebhookStyle } from '../config-schema.js';
import { matrixPayload } from './matrix.js';
import { rocketChatPayload } from './rocketchat.js';
import { slackPayload } from './slack.js';
import { teamsPayload } from './teams.js';

/** The JSON body a webhook of the given style expects for this content. */
export function payloadFor(style: WebhookStyle, content: ChatContent, username: string): object {
  switch (style) {
    case 'slack':
      return slackPayload(content, username);
    case 'rocketchat':
      return rocketChatPayload(content, username);
    case 'teams':
      return teamsPayload(content);
    case 'matrix':
      return matrixPayload(content, username);
  }
}
