// The caller's address for rate limiting: the socket's peer, or, when the server is told it sits
// behind a proxy, the last X-Forwarded-For entry — the one that proxy added. Earlier entries come from
// the client and could be forged to dodge the per-IP limit.
import type { Context } from 'hono';

type NodeEnv = { incoming?: { socket?: { remoteAddress?: string } } };

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeEnv | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}
