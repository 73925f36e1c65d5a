// The DNS side of the forward address check (forward-address.ts): a name is looked up and every address it
// has must be public, when the leader saves it and again for each connection the forwarder makes. The
// second check is the lookup the socket itself uses (`guardedLookup`), so a name that changes its answer
// between the check and the connection (DNS rebinding) still reaches only an address that passed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { Logger } from '../logger';
import { addressProblem, type ForwardPolicy, refusal, unreachableName } from './forward-address';

/** Every address of a name, as `dns.lookup` with `all` gives them; a parameter so tests can answer. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * Why the server will not send to `hostname` (a name or a literal), or undefined when all its addresses are
 * public. A name that cannot be found and one that points inside get the same words, without the address:
 * the answer reaches any account holder (and the team page), who must not be able to map internal DNS.
 * The operator's log says which address it was.
 */
export async function hostProblem(
  hostname: string,
  policy: ForwardPolicy,
  resolve: ResolveAll = resolveAll,
  logger?: Pick<Logger, 'warn'>,
): Promise<string | undefined> {
  if (policy.allowPrivate) return undefined;
  const host = hostname.replace(/^\[|\]$/g, '');
  // A literal the leader typed tells them nothing new: say what kind of address it is.
  if (isIP(host)) {
    const kind = addressProblem(host);
    return kind && refusal(host, kind);
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    addresses = [];
  }
  const inside = addresses.find(({ address }) => addressProblem(address));
  if (addresses.length > 0 && !inside) return undefined;
  if (inside) {
    logger?.warn('xapi forward address refused', {
      host,
      address: inside.address,
      kind: addressProblem(inside.address),
    });
  }
  return unreachableName(host);
}

/**
 * A `lookup` for node:http(s) that answers only with public addresses: the connection is refused when
 * any address of the name is not public.
 */
export function guardedLookup(
  policy: ForwardPolicy,
  resolve: ResolveAll = resolveAll,
  logger?: Pick<Logger, 'warn'>,
): LookupFunction {
  return (hostname, options, callback) => {
    const answer = async () => {
      const addresses = await resolve(hostname);
      const problem = await hostProblem(hostname, policy, async () => addresses, logger);
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
