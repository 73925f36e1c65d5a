// The DNS side of the forward address check (forward-address.ts): a name is looked up and every address it
// has must be public, when the leader saves it and again for each connection the forwarder makes. The
// second check is the lookup the socket itself uses (`guardedLookup`), so a name that changes its answer
// between the check and the connection (DNS rebinding) still reaches only an address that passed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { addressProblem, type ForwardPolicy, refusal } from './forward-address';

/** Every address of a name, as `dns.lookup` with `all` gives them; a parameter so tests can answer. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Why the server will not send to `hostname` (a name or a literal), or undefined when all its addresses are public. */
export async function hostProblem(
  hostname: string,
  policy: ForwardPolicy,
  resolve: ResolveAll = resolveAll,
): Promise<string | undefined> {
  if (policy.allowPrivate) return undefined;
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    return `The server could not find ${host}: check the LRS’s address.`;
  }
  if (addresses.length === 0) return `The server could not find ${host}: check the LRS’s address.`;
  for (const { address } of addresses) {
    const kind = addressProblem(address);
    if (kind) return refusal(host, kind, address);
  }
  return undefined;
}

/**
 * A `lookup` for node:http(s) that answers only with public addresses: the connection is refused (an
 * error naming the address) when any address of the name is not public.
 */
export function guardedLookup(policy: ForwardPolicy, resolve: ResolveAll = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    const answer = async () => {
      const addresses = await resolve(hostname);
      const problem = await hostProblem(hostname, policy, async () => addresses);
      if (problem) throw new Error(problem);
      return addresses;
    };
    answer().then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        if (options.all) {
          callback(null, usable);
          return;
        }
        const first = usable[0];
        if (!first)
          callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, '', 4),
    );
  };
}
