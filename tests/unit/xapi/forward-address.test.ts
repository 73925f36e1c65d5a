// Which addresses a team's xAPI forward may go to (server/xapi/forward-address.ts, docs/xapi.md "Addresses").
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { addressProblem, endpointProblem } from '../../../server/xapi/forward-address';
import { guardedLookup, hostProblem } from '../../../server/xapi/forward-lookup';

const strict = { allowPrivate: false };
const open = { allowPrivate: true };

describe('addressProblem', () => {
  it.each([
    // IPv4
    ['8.8.8.8', undefined],
    ['93.184.215.14', undefined],
    ['0.0.0.0', 'a “this network” address'],
    ['10.0.0.1', 'a private address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['100.128.0.1', undefined],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['169.254.10.1', 'a link-local address'],
    ['172.15.255.255', undefined],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['172.32.0.0', undefined],
    ['192.0.0.192', 'a reserved address'],
    ['192.168.1.1', 'a private address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    // IPv6
    ['2606:4700::1111', undefined],
    ['::', 'the unspecified address'],
    ['::1', 'a loopback address'],
    ['fc00::1', 'a unique-local (private) address'],
    ['fd12:3456:789a::1', 'a unique-local (private) address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['febf::1', 'a link-local address'],
    ['fec0::1', 'a site-local address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a documentation address'],
    ['2001:0:4136:e378::1', 'a Teredo tunnel address'],
    // IPv4 inside IPv6: judged by the IPv4 address
    ['::ffff:127.0.0.1', 'a loopback address (127.0.0.1 inside an IPv6 address)'],
    ['::ffff:7f00:1', 'a loopback address (127.0.0.1 inside an IPv6 address)'],
    ['::ffff:a9fe:a9fe', 'a cloud metadata address (169.254.169.254 inside an IPv6 address)'],
    ['::ffff:8.8.8.8', undefined],
    ['::10.0.0.1', 'a private address (10.0.0.1 inside an IPv6 address)'],
    // IPv4-translated (RFC 2765), as typed and as the URL parser writes it.
    ['::ffff:0:127.0.0.1', 'a loopback address (127.0.0.1 inside an IPv6 address)'],
    ['::ffff:0:a9fe:a9fe', 'a cloud metadata address (169.254.169.254 inside an IPv6 address)'],
    ['::ffff:0:8.8.8.8', undefined],
    ['64:ff9b::192.168.0.1', 'a private address (192.168.0.1 inside an IPv6 address)'],
    ['64:ff9b::8.8.8.8', undefined],
    ['2002:7f00:1::', 'a loopback address (127.0.0.1 inside an IPv6 address)'],
    ['2002:808:808::', undefined],
    ['not-an-address', 'not an IP address'],
  ])('%s: %s', (ip, kind) => {
    expect(addressProblem(ip)).toBe(kind);
  });
});

describe('endpointProblem', () => {
  it.each([
    ['https://lrs.example.org/xapi/', strict, undefined],
    ['https://93.184.215.14/xapi/', strict, undefined],
    ['https://[2606:4700::1111]/xapi/', strict, undefined],
    ['lrs.example.org/xapi', strict, /not a web address/],
    ['ftp://lrs.example.org/', strict, /must start with https:\/\//],
    ['file:///etc/passwd', strict, /must start with https:\/\//],
    ['gopher://lrs.example.org/', open, /must start with https:\/\//],
    [
      'http://lrs.example.org/xapi/',
      strict,
      /must start with https:\/\/: records are never sent unencrypted/,
    ],
    ['https://user:pw@lrs.example.org/', strict, /user name and password/],
    ['https://user@lrs.example.org/', open, /user name and password/],
    ['https://lrs.example.org/xapi/?a=1', strict, /query/],
    ['https://lrs.example.org/xapi/#top', strict, /fragment/],
    ['https://localhost/', strict, /localhost is this server itself/],
    ['https://app.localhost/', strict, /this server itself/],
    ['https://127.0.0.1:8443/', strict, /127\.0\.0\.1 is a loopback address: the server does not send/],
    // Other spellings of 127.0.0.1 and 169.254.169.254, which the URL parser turns into dotted form.
    ['https://2130706433/', strict, /127\.0\.0\.1 is a loopback/],
    ['https://0x7f.1/', strict, /127\.0\.0\.1 is a loopback/],
    ['https://0251.0376.0251.0376/', strict, /169\.254\.169\.254 is a cloud metadata/],
    ['https://[::1]/', strict, /::1 is a loopback/],
    ['https://[::ffff:127.0.0.1]/', strict, /loopback address \(127\.0\.0\.1 inside/],
    ['https://[::ffff:10.0.0.1]/', strict, /private address \(10\.0\.0\.1 inside/],
    ['https://[::ffff:0:127.0.0.1]/', strict, /loopback address \(127\.0\.0\.1 inside/],
    ['https://[fd00::5]/', strict, /unique-local/],
    ['https://169.254.169.254/latest/meta-data/', strict, /cloud metadata/],
    // What an operator opens with XAPI_FORWARD_ALLOW_PRIVATE (tests, an LRS on their own network).
    ['http://127.0.0.1:8080/xapi/', open, undefined],
    ['http://10.0.0.5/xapi/', open, undefined],
    ['https://localhost/', open, undefined],
  ] as const)('%s (allowPrivate %o)', (endpoint, policy, expected) => {
    const problem = endpointProblem(endpoint, policy);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

const answers =
  (table: Record<string, string[]>) =>
  async (hostname: string): Promise<LookupAddress[]> => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = answers({
  'lrs.example.org': ['93.184.215.14', '2606:4700::1111'],
  'internal.example.org': ['10.0.0.7'],
  'sneaky.example.org': ['93.184.215.14', '127.0.0.1'],
  'mapped.example.org': ['::ffff:169.254.169.254'],
});

describe('hostProblem (the address a name resolves to)', () => {
  it.each([
    ['lrs.example.org', strict, undefined],
    // A name inside and a name not found read the same, without the address: no map of internal DNS.
    [
      'internal.example.org',
      strict,
      /^internal\.example\.org cannot be reached from this server or points inside a private network/,
    ],
    // One bad address is enough: the connection could be made to any of them.
    [
      'sneaky.example.org',
      strict,
      /^sneaky\.example\.org cannot be reached from this server or points inside/,
    ],
    [
      'mapped.example.org',
      strict,
      /^mapped\.example\.org cannot be reached from this server or points inside/,
    ],
    ['gone.example.org', strict, /^gone\.example\.org cannot be reached from this server or points inside/],
    ['[::1]', strict, /::1 is a loopback/],
    ['internal.example.org', open, undefined],
  ] as const)('%s (allowPrivate %o)', async (host, policy, expected) => {
    const problem = await hostProblem(host, policy, dns);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('hostProblem logging', () => {
  it('tells the operator’s log which address a refused name points to, and the leader nothing of it', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (msg: string, fields?: unknown) => warnings.push({ msg, fields }) };
    expect(await hostProblem('internal.example.org', strict, dns, logger)).not.toMatch(/10\.0\.0\.7/);
    expect(warnings).toEqual([
      {
        msg: 'xapi forward address refused',
        fields: { host: 'internal.example.org', address: '10.0.0.7', kind: 'a private address' },
      },
    ]);
  });
});

describe('guardedLookup (the lookup the socket connects with)', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(strict, dns)(host, { all }, (error, address) => resolve({ error, address })),
    );

  it('answers with the addresses of a public name, one or all as asked', async () => {
    expect(await lookup('lrs.example.org', false)).toEqual({ error: null, address: '93.184.215.14' });
    expect((await lookup('lrs.example.org', true)).address).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
  });

  it('refuses a name that now points inside the network, so no connection is made', async () => {
    const { error } = await lookup('internal.example.org', true);
    expect(error?.message).toMatch(/points inside a private network/);
    expect(error?.message).not.toMatch(/10\.0\.0\.7/);
    expect((await lookup('sneaky.example.org', false)).error?.message).toMatch(
      /points inside a private network/,
    );
  });
});
