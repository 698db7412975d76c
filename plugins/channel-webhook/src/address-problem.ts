import { isIP } from 'node:net';
import { isAllowedHost } from './allowed-host.js';
import type { WebhookConfig } from './config-schema.js';
import { isInternalAddress } from './internal-address.js';
import { internalNetworks } from './internal-networks.js';
import { hostOf } from './redact.js';
import { parseTarget } from './webhook-target.js';

/**
 * Why a webhook address a person saves can never be posted to: not a webhook URL, a host
 * outside `allowedHosts`, or a host that is literally internal (an IP address or `localhost`)
 * and not in `internalNetworks`. Names are not resolved here: what they resolve to at send time
 * is what counts, and {@link sendWebhook} checks that.
 */
export function addressProblem(address: string, config: WebhookConfig): string | undefined {
  const parsed = parseTarget(address, config.style);
  if ('problem' in parsed) return parsed.problem;
  const { url } = parsed.target;
  if (!isAllowedHost(url, config.allowedHosts))
    return `webhook host ${hostOf(url)} is not one this server posts to`;
  const literal = literalAddress(url.hostname);
  if (literal === undefined || !isInternalAddress(literal)) return undefined;
  const networks = internalNetworks(config.internalNetworks);
  const family = isIP(literal) === 6 ? 'ipv6' : 'ipv4';
  if ('allowed' in networks && networks.allowed.check(literal, family)) return undefined;
  return `webhook host ${hostOf(url)} is an internal address, which webhooks may not reach`;
}

/** The address a host name stands for without asking DNS: an IP literal, or localhost's. */
function literalAddress(hostname: string): string | undefined {
  const host = hostname
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
    .replace(/\.$/, '');
  if (isIP(host) !== 0) return host;
  // RFC 6761: localhost and its subdomains are the host itself, whatever DNS says.
  if (host === 'localhost' || host.endsWith('.localhost')) return '127.0.0.1';
  return undefined;
}
