// Where the server may send a team's records (docs/xapi.md, "Addresses"). The forward address is typed by a
// team leader, so without this check the server could be made to reach its own network: a database port,
// an admin page on the loopback, a cloud metadata service. Plain functions over strings, no DNS: the
// lookup that feeds `addressProblem` lives at the edge (forward-lookup.ts), and runs both when the address
// is saved and when each statement is sent, as a name's addresses can change in between.
import { isIPv4, isIPv6 } from 'node:net';

/** `allowPrivate`: the operator's XAPI_FORWARD_ALLOW_PRIVATE (a test, or an LRS on the same network). */
export type ForwardPolicy = { allowPrivate: boolean };

const HTTPS_ONLY = 'The LRS’s address must start with https://: records are never sent unencrypted.';

/** What is wrong with a forward address, in words for the leader who typed it; undefined when it may be used. */
export function endpointProblem(endpoint: string, policy: ForwardPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'That is not a web address: give the LRS’s xAPI address, such as https://lrs.example.org/xapi/.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return HTTPS_ONLY;
  if (url.username || url.password) {
    return 'Leave the user name and password out of the address: give them as the key and its secret.';
  }
  if (url.search || url.hash) return 'The address cannot have a query (?…) or a fragment (#…).';
  if (policy.allowPrivate) return undefined;
  if (url.protocol !== 'https:') return HTTPS_ONLY;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return refusal(host, 'this server itself');
  // The URL parser has already turned every spelling of an IPv4 address (2130706433, 0x7f.1) into dotted
  // form and every IPv6 one into its short form, so these are the only literal shapes left.
  if (isIPv4(host) || isIPv6(host)) {
    const kind = addressProblem(host);
    if (kind) return refusal(host, kind);
  }
  return undefined;
}

/** The words for an address literal the server will not send to. */
export function refusal(host: string, kind: string): string {
  return `${host} is ${kind}: the server does not send records into its own network. Give the LRS’s public https address.`;
}

/** The words for a name the server cannot find or will not send to: the same for both, on purpose. */
export function unreachableName(host: string): string {
  return `${host} cannot be reached from this server or points inside a private network: give the LRS’s public https address.`;
}

type Range = { bits: readonly number[]; prefix: number; kind: string };

const v4 = (dotted: string, prefix: number, kind: string): Range => ({
  bits: dotted.split('.').map(Number),
  prefix,
  kind,
});

const V4_RANGES: readonly Range[] = [
  v4('169.254.169.254', 32, 'a cloud metadata address'),
  v4('0.0.0.0', 8, 'a “this network” address'),
  v4('10.0.0.0', 8, 'a private address'),
  v4('100.64.0.0', 10, 'a shared (carrier-grade NAT) address'),
  v4('127.0.0.0', 8, 'a loopback address'),
  v4('169.254.0.0', 16, 'a link-local address'),
  v4('172.16.0.0', 12, 'a private address'),
  v4('192.0.0.0', 24, 'a reserved address'),
  v4('192.0.2.0', 24, 'a documentation address'),
  v4('192.168.0.0', 16, 'a private address'),
  v4('198.18.0.0', 15, 'a benchmarking address'),
  v4('198.51.100.0', 24, 'a documentation address'),
  v4('203.0.113.0', 24, 'a documentation address'),
  v4('224.0.0.0', 4, 'a multicast address'),
  v4('240.0.0.0', 4, 'a reserved address'),
];

const V6_RANGES: readonly Range[] = [
  { bits: groups('fd00:ec2::254'), prefix: 128, kind: 'a cloud metadata address' },
  { bits: groups('::'), prefix: 128, kind: 'the unspecified address' },
  { bits: groups('::1'), prefix: 128, kind: 'a loopback address' },
  { bits: groups('64:ff9b:1::'), prefix: 48, kind: 'a local NAT64 address' },
  { bits: groups('100::'), prefix: 64, kind: 'a discard address' },
  { bits: groups('2001::'), prefix: 32, kind: 'a Teredo tunnel address' },
  { bits: groups('2001:db8::'), prefix: 32, kind: 'a documentation address' },
  { bits: groups('fc00::'), prefix: 7, kind: 'a unique-local (private) address' },
  { bits: groups('fe80::'), prefix: 10, kind: 'a link-local address' },
  { bits: groups('fec0::'), prefix: 10, kind: 'a site-local address' },
  { bits: groups('ff00::'), prefix: 8, kind: 'a multicast address' },
];

/**
 * What kind of non-public address `ip` is (an IPv4 or IPv6 literal, without brackets), or undefined for a
 * public one. IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, translated
 * `::ffff:0:a.b.c.d`, compatible `::a.b.c.d`,
 * NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4 address inside.
 */
export function addressProblem(ip: string): string | undefined {
  if (isIPv4(ip)) return firstMatch(ip.split('.').map(Number), 8, V4_RANGES);
  const address = ip.replace(/%.*$/, '');
  if (!isIPv6(address)) return 'not an IP address';
  const g = groups(address);
  const inner = embeddedIPv4(g);
  if (inner) {
    const kind = addressProblem(inner);
    return kind && `${kind} (${inner} inside an IPv6 address)`;
  }
  return firstMatch(g, 16, V6_RANGES);
}

function embeddedIPv4(g: number[]): string | undefined {
  const dotted = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const [g0 = 0, g1 = 0, g2 = 0, , g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated, RFC 2765) and ::a.b.c.d (compatible; :: and
  // ::1 are themselves, not 0.0.0.x).
  if (zeros(0, 5) && g5 === 0xffff) return dotted(g6, g7);
  if (zeros(0, 4) && g4 === 0xffff && g5 === 0) return dotted(g6, g7);
  if (zeros(0, 6) && (g6 !== 0 || g7 > 1)) return dotted(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && zeros(2, 6)) return dotted(g6, g7);
  if (g0 === 0x2002) return dotted(g1, g2);
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part counts as two). */
function groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [Number.parseInt(piece, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const before = parse(head);
  if (tail === undefined) return before;
  const after = parse(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function firstMatch(parts: number[], width: number, ranges: readonly Range[]): string | undefined {
  return ranges.find((range) => inRange(parts, range, width))?.kind;
}

function inRange(parts: number[], range: Range, width: number): boolean {
  let left = range.prefix;
  for (const [i, want] of range.bits.entries()) {
    if (left <= 0) return true;
    const take = Math.min(width, left);
    const mask = ((1 << take) - 1) << (width - take);
    if (((parts[i] ?? 0) & mask) !== (want & mask)) return false;
    left -= take;
  }
  return true;
}
