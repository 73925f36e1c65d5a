// One PUT to a team's LRS. node:http(s) rather than fetch, for two reasons that matter when a leader typed
// the address: the socket connects only to an address `guardedLookup` passed (the check and the connection
// use the same answer, so DNS rebinding gets nowhere), and a redirect is not followed (a 3xx pointing at an
// internal address would get round the check): it is an answer like any other, and the statement waits.
// Rejects on a network failure, a refused address or the timeout; the forwarder keeps the statement.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { endpointProblem, type ForwardPolicy } from './forward-address';
import { guardedLookup } from './forward-lookup';

/** Of the LRS's answer, only this much is kept: enough for the leader to see what it said. */
const ANSWER_BYTES = 4096;

export type LrsAnswer = { status: number; text: string };

export function putToLrs(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: ForwardPolicy & { timeoutMs: number },
): Promise<LrsAnswer> {
  // A literal address is connected to without a lookup, so it is checked here.
  const problem = endpointProblem(url.origin, options);
  if (problem) return Promise.reject(new Error(problem));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options),
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < ANSWER_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${options.timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
