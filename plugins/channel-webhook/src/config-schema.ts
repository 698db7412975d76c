import { type Static, Type } from '@tandem/plugin-sdk';

/** The chat tools whose incoming webhooks the channel can post to. */
export const WEBHOOK_STYLES = ['slack', 'rocketchat', 'teams', 'matrix'] as const;

/** The payload format a webhook expects: one per chat tool. */
export type WebhookStyle = (typeof WEBHOOK_STYLES)[number];

/** The configuration of the `webhook` channel, as operators set it. */
export const WebhookConfigSchema = Type.Object({
  style: Type.Union(
    WEBHOOK_STYLES.map((style) => Type.Literal(style)),
    {
      default: 'slack',
      description:
        'The payload format for a bare webhook URL: slack, rocketchat, teams or matrix (hookshot). An address prefixed with a style (teams+https://…) overrides it.',
    },
  ),
  timeoutMs: Type.Integer({
    minimum: 1000,
    default: 10000,
    description:
      'How long to wait for the chat tool to answer, in milliseconds; then the send is retried later.',
  }),
  username: Type.String({
    default: 'Tandem',
    description:
      'The sender name shown in Slack, Rocket.Chat and Matrix (where the webhook allows it); Teams ignores it.',
  }),
  url: Type.Optional(
    Type.String({
      minLength: 1,
      // Secret: an instance made by an admin holds a reference to a variable or file instead.
      secret: true,
      description:
        "The webhook a message goes to when its recipient has not given one of their own, e.g. the chat room of a programme's team (one channel instance per team). A URL, optionally with a style prefix (teams+https://…). A secret: whoever has it can post to the room.",
    }),
  ),
  allowedHosts: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      description:
        'Host names webhooks may point to, e.g. ["chat.example.org"]; a URL to any other host fails permanently. Unset: any host.',
    }),
  ),
  internalNetworks: Type.Optional(
    // The pattern refuses a name or a typo when the config loads; internal-networks.ts still
    // parses each entry at send time for what it cannot see (`10.0.0.0/33`, `1:2:3`).
    Type.Array(Type.String({ pattern: '^\\s*[0-9A-Fa-f:.]+(/\\d{1,3})?\\s*$' }), {
      description:
        'Internal networks webhooks may reach, as CIDR ranges or addresses, e.g. ["10.20.0.0/16"] for a chat server on the intranet. Loopback, private, link-local, carrier-grade NAT, multicast and other non-public addresses outside them are refused. Unset: none.',
    }),
  ),
});

/** The validated configuration `ctx.config` holds. */
export type WebhookConfig = Static<typeof WebhookConfigSchema>;
