import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from '../../../src/api/api-client';

const body = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe('api client result mapping', () => {
  it.each([
    { answer: new Response(body('unauthorized', 'expired'), { status: 401 }), kind: 'unauthorized' },
    { answer: new Response(body('payload_too_large', 'too big'), { status: 413 }), kind: 'too-large' },
    {
      answer: new Response(body('slow_down', 'wait'), { status: 429, headers: { 'retry-after': '12' } }),
      kind: 'rate-limited',
    },
    { answer: new Response(body('invalid_body', 'bad'), { status: 400 }), kind: 'rejected' },
    { answer: new Response(body('unknown_device', 'no'), { status: 403 }), kind: 'rejected' },
    { answer: new Response('<html>bad gateway</html>', { status: 502 }), kind: 'server' },
    { answer: new Response('<html>captive portal</html>', { status: 200 }), kind: 'server' },
    { answer: new Response(JSON.stringify({ surprise: true }), { status: 200 }), kind: 'server' },
    { answer: 'network' as const, kind: 'network' },
  ])('$kind from $answer.status', async ({ answer, kind }) => {
    const fetch: FetchLike = async () => {
      if (answer === 'network') throw new TypeError('Failed to fetch');
      return answer;
    };
    const result = await createApiClient({ baseUrl: 'https://cpd.test/', fetch }).pull('t', undefined, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe(kind);
    if (!result.ok && result.failure.kind === 'rate-limited')
      expect(result.failure.retryAfterMs).toBe(12_000);
    if (!result.ok && result.failure.kind === 'rejected')
      expect(result.failure.code).toMatch(/invalid_body|unknown_device/);
  });

  it('a 503 while the server reconnects to its database carries its Retry-After to the backoff', async () => {
    const fetch: FetchLike = async () =>
      new Response(body('unavailable', 'database restarting'), {
        status: 503,
        headers: { 'retry-after': '5' },
      });
    const result = await createApiClient({ baseUrl: '', fetch }).pull('t', undefined, 10);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'server', status: 503, retryAfterMs: 5_000 },
    });
  });

  it('sends the bearer token, JSON body and query, and returns the typed answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ events: [], docs: [], nextCursor: 'c9', hasMore: false }), {
        status: 200,
      });
    };
    const api = createApiClient({ baseUrl: 'https://cpd.test/', fetch });
    const result = await api.pull('secret', 'c8', 250);
    expect(result).toEqual({ ok: true, value: { events: [], docs: [], nextCursor: 'c9', hasMore: false } });
    expect(seen[0]?.url).toBe('https://cpd.test/api/v1/sync/pull?limit=250&cursor=c8');
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBe('Bearer secret');
  });

  it("a quota answer carries which limit; a limit this version does not know is still the server's refusal", async () => {
    const answer = (quota: string) => async () =>
      new Response(
        JSON.stringify({
          error: { code: 'quota_exceeded', message: 'Too many notes.', quota, remaining: 0 },
        }),
        { status: 403 },
      );
    const known = await createApiClient({ baseUrl: '', fetch: answer('docs') }).push('t', {
      deviceId: crypto.randomUUID(),
      events: [],
    });
    expect(known).toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        status: 403,
        code: 'quota_exceeded',
        message: 'Too many notes.',
        quota: 'docs',
        remaining: 0,
      },
    });
    const unknown = await createApiClient({ baseUrl: '', fetch: answer('teams') }).push('t', {
      deviceId: crypto.randomUUID(),
      events: [],
    });
    expect(unknown).toEqual({
      ok: false,
      failure: { kind: 'rejected', status: 403, code: 'quota_exceeded', message: 'Too many notes.' },
    });
  });

  it('a 204 from sign-out is a success with no body', async () => {
    const api = createApiClient({ baseUrl: '', fetch: async () => new Response(null, { status: 204 }) });
    expect(await api.signOut('t')).toEqual({ ok: true, value: undefined });
  });
});
