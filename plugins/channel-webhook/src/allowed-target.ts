import { isAllowedHost } from './allowed-host.js';
import type { WebhookConfig } from './config-schema.js';
import { hostOf } from './redact.js';
import { type ParsedTarget, parseTarget } from './webhook-target.js';

/**
 * The target a recipient address names, or why it can never be posted to: not a webhook URL,
 * or a host outside `allowedHosts`. Saving an address and sending to it judge it alike.
 */
export function allowedTarget(address: string | undefined, config: WebhookConfig): ParsedTarget {
  const parsed = parseTarget(address, config.style);
  if ('problem' in parsed) return parsed;
  const { url } = parsed.target;
  if (!isAllowedHost(url, config.allowedHosts))
    return {
      problem: `webhook host ${hostOf(url)} is not one this server posts to (allowedHosts)`,
    };
  return parsed;
}
