// After a 413 the client may still be sending the rest of its body. Closing the socket outright while
// bytes are unread makes the kernel answer with a reset, and a browser that is still uploading then
// reports a network error instead of the 413 (and a device would retry the same body forever). So the
// 413 says `Connection: close`, and when Node would destroy the socket we close only our side (FIN),
// keep reading and discarding for a short while, then let go: the client reads the answer, and
// the connection ends cleanly.
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { Context } from 'hono';

const LINGER_MS = 5_000;
const LINGER_BYTES = 64 * 1024 * 1024;

type NodeEnv = { incoming?: Readable & { socket?: Socket } };

export function lingerOnClose(c: Context): void {
  const incoming = (c.env as NodeEnv | undefined)?.incoming;
  const socket = incoming?.socket;
  if (!incoming || !socket || socket.destroyed) return;
  // Node calls destroySoon() once a `Connection: close` response is written (node:_http_server).
  let lingering = false;
  socket.destroySoon = () => {
    if (lingering) return;
    lingering = true;
    let discarded = 0;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    // The body arrives through the request stream (Node's parser reads the socket). Its other readers
    // (the unread request body) would pause it again on backpressure: drop them and discard.
    incoming.removeAllListeners('data');
    incoming.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > LINGER_BYTES) socket.destroy();
    });
    incoming.once('end', () => socket.destroy());
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
    socket.end();
    incoming.resume();
  };
}
