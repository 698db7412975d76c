import { WEBHOOK_STYLES, type WebhookStyle } from './config-schema.js';

/** Where to post and in which format. */
export interface WebhookTarget {
  style: WebhookStyle;
  url: URL;
}

/** A target, or why the address is none; the reason never quotes the address (a secret). */
export type ParsedTarget = { target: WebhookTarget } | { problem: string };

// `teams+https://…`: a style prefix lets one person or programme use another chat tool than
// the server's default without a second channel.
const PREFIXED = /^([a-z][a-z0-9]*)\+(.*)$/is;

/** Reads a recipient address: a bare http(s) URL (the default style) or `style+https://…`. */
export function parseTarget(address: string | undefined, defaultStyle: WebhookStyle): ParsedTarget {
  const trimmed = address?.trim() ?? '';
  if (trimmed === '') return { problem: 'the recipient has no webhook URL' };
  const prefixed = PREFIXED.exec(trimmed);
  const style = prefixed ? prefixed[1]?.toLowerCase() : defaultStyle;
  if (!isStyle(style))
    return { problem: `unknown webhook style "${style}" (use ${WEBHOOK_STYLES.join(', ')})` };
  const url = httpUrl(prefixed ? (prefixed[2] ?? '') : trimmed);
  if (!url) return { problem: 'the recipient address is not an http(s) URL' };
  return { target: { style, url } };
}

function isStyle(style: string | undefined): style is WebhookStyle {
  return WEBHOOK_STYLES.some((known) => known === style);
}

function httpUrl(text: string): URL | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url : undefined;
}
