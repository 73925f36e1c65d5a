// One PUT to a team's LRS. node:http(s) rather than fetch, for two reasons that matter when a leader typed
// the address: the socket connects only to an address `guardedLookup` passed (the check and the connection
// use the same answer, so DNS rebinding gets nowhere), and a redirect is not followed (a 3xx pointing at an
// internal address would get round the check): it is an answer like any other, and the statement waits.
// Rejects on a network failure, a refused address or the deadline; the forwarder keeps the statement.
// `timeoutMs` bounds the whole request, not only a quiet socket: an LRS that trickles its answer a byte at a
// time, or never ends it, would otherwise hold the forwarder (and so every team's forwarding) for ever.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from '../logger';
import { endpointProblem, type ForwardPolicy } from './forward-address';
import { guardedLookup } from './forward-lookup';

/** Of the LRS's answer, only this much is kept: enough for the leader to see what it said. */
const ANSWER_BYTES = 4096;

export type LrsAnswer = { status: number; text: string };

export function putToLrs(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: ForwardPolicy & { timeoutMs: number; logger?: Pick<Logger, 'warn'> },
): Promise<LrsAnswer> {
  // A literal address is connected to without a lookup, so it is checked here.
  const problem = endpointProblem(url.origin, options);
  if (problem) return Promise.reject(new Error(problem));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(
      () => req.destroy(new Error(`no full answer in ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );
    const settle =
      <T>(done: (value: T) => void) =>
      (value: T) => {
        clearTimeout(deadline);
        done(value);
      };
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options, undefined, options.logger),
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const answer = () =>
          settle(resolve)({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString(),
          });
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          kept += chunk.length;
          // The rest of a long answer is not wanted: stop reading rather than wait for its end.
          if (kept >= ANSWER_BYTES) {
            res.destroy();
            answer();
          }
        });
        res.on('end', answer);
        res.on('error', settle(reject));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${options.timeoutMs / 1000} s`)));
    req.on('error', settle(reject));
    req.end(body);
  });
}
