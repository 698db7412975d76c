import { lookup } from 'node:dns/promises';
import { type BlockList, isIP } from 'node:net';
import { unbracketed } from './allowed-host.js';
import { isInternalAddress } from './internal-address.js';

/** An IP address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses, as the operating system would connect. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system's resolver (getaddrinfo: /etc/hosts, then DNS), every address it knows. */
export const systemResolve: Resolve = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
};

/** The addresses to connect to, an internal one that was refused, or why none was found. */
export type AddressCheck =
  | { kind: 'checked'; addresses: [ResolvedAddress, ...ResolvedAddress[]] }
  | { kind: 'internal'; address: string }
  | { kind: 'unresolved'; cause: string };

/**
 * Where a webhook may be posted: the host is resolved once, and when any of its addresses is
 * internal and not in `allowed`, it is refused (one bad address is enough: the connection
 * could go to any of them). The caller connects only to the addresses returned, all checked,
 * so a name that resolves differently a moment later (DNS rebinding) cannot lead elsewhere.
 */
export async function webhookAddress(
  url: URL,
  allowed: BlockList,
  resolve: Resolve,
): Promise<AddressCheck> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await addressesOf(unbracketed(url.hostname), resolve);
  } catch (error) {
    return { kind: 'unresolved', cause: causeOf(error) };
  }
  const refused = addresses.find((found) => !mayReach(found, allowed));
  if (refused) return { kind: 'internal', address: refused.address };
  const [first, ...others] = addresses;
  if (!first) return { kind: 'unresolved', cause: 'no address' };
  return { kind: 'checked', addresses: [first, ...others] };
}

async function addressesOf(host: string, resolve: Resolve): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family: family === 6 ? 6 : 4 }];
  return resolve(host);
}

/** Whether an address is public, or internal in a network the operator opened. */
export function mayReach({ address, family }: ResolvedAddress, allowed: BlockList): boolean {
  return !isInternalAddress(address) || allowed.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function causeOf(error: unknown): string {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
