import { type Static, Type } from '@tandem/plugin-sdk';

/**
 * The configuration of the `email` channel, as operators set it (`TANDEM_PLUGIN_EMAIL_HOST`,
 * …). `user` and `password` come as a pair: the schema refuses one without the other, naming
 * the missing field.
 */
export const EmailConfigSchema = Type.Object(
  {
    host: Type.String({
      minLength: 1,
      description: 'The SMTP server to send through, e.g. smtp.example.org.',
    }),
    port: Type.Integer({
      minimum: 1,
      maximum: 65535,
      default: 587,
      description: 'The SMTP server port: 587 for submission with STARTTLS, 465 with secure=true.',
    }),
    secure: Type.Boolean({
      default: false,
      description:
        'true: TLS from the first byte (usually port 465). false: plain connection upgraded with STARTTLS when the server offers it.',
    }),
    user: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'The SMTP login name; set together with password, or neither for no login.',
      }),
    ),
    password: Type.Optional(
      Type.String({
        minLength: 1,
        // Secret: an instance made by an admin holds a reference to a variable or file instead.
        secret: true,
        description: 'The SMTP password; set together with user.',
      }),
    ),
    from: Type.String({
      format: 'email',
      description:
        'The sender address of every message, also the organiser of calendar invitations, e.g. tandem@example.org.',
    }),
    fromName: Type.String({
      default: 'Tandem',
      description: 'The sender name shown next to the address.',
    }),
    maxConnections: Type.Integer({
      minimum: 1,
      default: 5,
      description:
        'How many connections to the SMTP server may be open at once; messages share them.',
    }),
  },
  {
    // One field of the pair alone is a mistake an operator should hear about at start-up: the
    // "required" error of if/then names the missing field (dependentRequired would not).
    allOf: [requiredWith('user', 'password'), requiredWith('password', 'user')],
  },
);

/** The validated configuration `ctx.config` holds. */
export type EmailConfig = Static<typeof EmailConfigSchema>;

/** JSON Schema: when `field` is present, `partner` is required too. */
function requiredWith(field: string, partner: string) {
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, never awaited
  return { if: { required: [field] }, then: { required: [partner] } };
}
