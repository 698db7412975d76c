import { BlockList, isIP } from 'node:net';

/** The internal networks an operator opened to webhooks, or the entry that is no network. */
export type InternalNetworks = { allowed: BlockList } | { problem: string };

/**
 * Reads `internalNetworks`: CIDR ranges (`10.20.0.0/16`, `fd00:1::/64`) or single addresses
 * (`10.20.0.5`), IPv4 or IPv6. An IPv4 entry also covers its IPv4-mapped IPv6 form.
 */
export function internalNetworks(entries: readonly string[] = []): InternalNetworks {
  const allowed = new BlockList();
  for (const entry of entries) {
    if (!addNetwork(allowed, entry.trim()))
      return { problem: `internalNetworks entry "${entry}" is no IP address or CIDR range` };
  }
  return { allowed };
}

function addNetwork(list: BlockList, entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  if (!Number.isInteger(bits) || !/^\d+$/.test(prefix ?? '0')) return false;
  try {
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
    return true;
  } catch {
    return false; // a prefix longer than the address
  }
}
