// putToLrs against LRSs that misbehave on a real loopback port: the deadline covers the whole request, so
// an answer that trickles for ever cannot hold the forwarder, and a long answer is cut at what is kept.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { putToLrs } from '../../server/xapi/lrs-request';

const open: Server[] = [];
const trickles: ReturnType<typeof setInterval>[] = [];

async function lrs(answer: (res: ServerResponse) => void): Promise<URL> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/statements`);
}

afterEach(async () => {
  for (const timer of trickles.splice(0)) clearInterval(timer);
  await Promise.all(
    open.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

const loopback = { allowPrivate: true, timeoutMs: 300 };

describe('putToLrs', () => {
  it('gives up on an LRS that trickles its answer a byte at a time and never ends it', async () => {
    const url = await lrs((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      trickles.push(setInterval(() => res.write('.'), 50));
    });
    await expect(putToLrs(url, {}, '{}', loopback)).rejects.toThrow(/no full answer in 0.3 s/);
  });

  it('keeps the first 4096 bytes of an answer that never ends, and answers without waiting for its end', async () => {
    const url = await lrs((res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.write('x'.repeat(5000));
    });
    const answer = await putToLrs(url, {}, '{}', loopback);
    expect(answer).toEqual({ status: 400, text: 'x'.repeat(4096) });
  });

  it('answers with the status and text of an ordinary answer', async () => {
    const url = await lrs((res) => {
      res.writeHead(204);
      res.end();
    });
    expect(await putToLrs(url, {}, '{}', loopback)).toEqual({ status: 204, text: '' });
  });
});
