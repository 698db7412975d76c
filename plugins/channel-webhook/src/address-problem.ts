import { BlockList, isIP } from 'node:net';
import { normalHost } from './allowed-host.js';
import { allowedTarget } from './allowed-target.js';
import type { WebhookConfig } from './config-schema.js';
import { internalNetworks } from './internal-networks.js';
import { hostOf } from './redact.js';
import { mayReach } from './webhook-address.js';

/**
 * Why a webhook address a person saves can never be posted to: not a webhook URL, a host
 * outside `allowedHosts`, or a host that is literally internal (an IP address or `localhost`)
 * and not in `internalNetworks`. Names are not resolved here: what they resolve to at send time
 * is what counts, and {@link sendWebhook} checks that.
 */
export function addressProblem(address: string, config: WebhookConfig): string | undefined {
  const parsed = allowedTarget(address, config);
  if ('problem' in parsed) return parsed.problem;
  const { url } = parsed.target;
  const literal = literalAddress(url.hostname);
  if (literal === undefined) return undefined;
  const networks = internalNetworks(config.internalNetworks);
  // A bad entry opens nothing here; the send names it.
  const allowed = 'allowed' in networks ? networks.allowed : new BlockList();
  const found = { address: literal, family: isIP(literal) === 6 ? 6 : 4 } as const;
  if (mayReach(found, allowed)) return undefined;
  return `webhook host ${hostOf(url)} is an internal address, which webhooks may not reach`;
}

/** The address a host name stands for without asking DNS: an IP literal, or localhost's. */
function literalAddress(hostname: string): string | undefined {
  const host = normalHost(hostname);
  if (isIP(host) !== 0) return host;
  // RFC 6761: localhost and its subdomains are the host itself, whatever DNS says.
  if (host === 'localhost' || host.endsWith('.localhost')) return '127.0.0.1';
  return undefined;
}
