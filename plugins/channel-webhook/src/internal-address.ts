import { BlockList, isIP } from 'node:net';

// Addresses that lead into the server's own host or network rather than to a chat service on
// the internet: a webhook URL pointing there would let any participant make the server post to
// its neighbours (databases, admin panels, the cloud metadata service at 169.254.169.254).
const INTERNAL_IPV4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the host itself
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 broadcast
];
const INTERNAL_IPV6: readonly (readonly [string, number])[] = [
  ['::', 96], // unspecified (::), loopback (::1), IPv4-compatible (::127.0.0.1)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
];

const internal = new BlockList();
for (const [network, prefix] of INTERNAL_IPV4) {
  internal.addSubnet(network, prefix, 'ipv4');
  // The same networks behind IPv6 translation, which carries the IPv4 address inside: NAT64
  // (64:ff9b::10.0.0.1) and 6to4 (2002:0a00:0001::). IPv4-mapped forms BlockList matches itself.
  internal.addSubnet(`64:ff9b::${network}`, 96 + prefix, 'ipv6');
  internal.addSubnet(`2002:${hexWords(network)}::`, 16 + prefix, 'ipv6');
}
for (const [network, prefix] of INTERNAL_IPV6) internal.addSubnet(network, prefix, 'ipv6');

/** `10.0.0.0` as `0a00:0000`, the two IPv6 words that hold it. */
function hexWords(ipv4: string): string {
  const hex = ipv4
    .split('.')
    .map((octet) => Number(octet).toString(16).padStart(2, '0'))
    .join('');
  return `${hex.slice(0, 4)}:${hex.slice(4)}`;
}

/**
 * Whether an IP address is loopback, unspecified, private, link-local, carrier-grade NAT,
 * multicast, broadcast or otherwise not a public unicast address. IPv6 forms that carry an
 * IPv4 address (`::ffff:127.0.0.1`, NAT64, 6to4) count as that address. Anything that is no IP address
 * counts as internal, so that a parsing surprise refuses rather than lets through.
 */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
