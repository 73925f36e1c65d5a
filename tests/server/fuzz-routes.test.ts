// Property-based fuzzing of every API route (fast-check): arbitrary bodies, near-valid bodies with one
// field broken, arbitrary query strings and headers. Whatever arrives, the server answers with a 2xx or a
// 4xx `{error: {code, message}}` — never a 5xx, never an unhandled error in the log — and a refused
// request stores nothing at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol/sync-protocol';
import { freshLearnerPerTest } from './support/fresh-learner';
import { type Learner, makeEvent, type TestApp } from './support/test-app';
import { type TestDb, testDbKinds } from './support/test-databases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TABLES = ['learners', 'sessions', 'devices', 'events', 'docs'] as const;

type Counts = Record<(typeof TABLES)[number], number>;

/** Any JSON value, arbitrary text, or nothing: what a broken or hostile client might send. */
const anyBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '[]', 'null', '{"__proto__":{"admin":true}}', '\u0000', '{"events":1e309}'),
  fc.constant(undefined),
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'x'.repeat(5000),
  ),
);

/** Replaces one field of a valid object by anything, or adds a stray one. */
function breakOneField<T extends Record<string, unknown>>(valid: () => T) {
  return fc
    .record({
      key: fc.oneof(fc.constantFrom(...Object.keys(valid())), hostileString),
      value: fc.oneof(fc.jsonValue(), hostileString, fc.constant(undefined)),
    })
    .map(({ key, value }) => ({ ...valid(), [key]: value }));
}

// A header value outside visible ASCII never gets past Node's HTTP parser, so only those are sent.
const headerValue = fc.oneof(
  hostileString.map((value) => value.replace(/[^\x20-\x7e]/g, '').trim()),
  fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'Bearer', 'Bearer '),
);

describe.each(testDbKinds)('fuzzing every route on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (fresh) => ({ testDb, t, a } = fresh), 'fuzz@example.org');

  async function counts(): Promise<Counts> {
    const entries = await Promise.all(
      TABLES.map(async (table) => {
        const row = await testDb.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return [table, Number(row.n)] as const;
      }),
    );
    return Object.fromEntries(entries) as Counts;
  }

  /** Sends one request and checks the answer; returns the status so a property can say more. */
  async function send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<{ status: number; json: unknown }> {
    const before = await counts();
    const res = await t.app.request(path, { method, headers, body: method === 'GET' ? undefined : body });
    expect(res.status, `${method} ${path} ${body?.slice(0, 200)}`).toBeLessThan(500);
    const json = res.status === 204 ? undefined : ((await res.json()) as unknown);
    if (res.status >= 400) {
      const error = (json as { error?: { code?: unknown; message?: unknown } }).error;
      expect(typeof error?.code).toBe('string');
      expect(typeof error?.message).toBe('string');
      expect(await counts(), `${method} ${path} was refused but stored something`).toEqual(before);
    }
    expect(t.logs.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
    return { status: res.status, json };
  }

  const withAuth = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${a.token}`,
    ...extra,
  });

  const routes: [string, string, boolean][] = [
    ['GET', '/api/v1/health', false],
    ['POST', '/api/v1/accounts', false],
    ['POST', '/api/v1/sessions', false],
    ['DELETE', '/api/v1/sessions/current', true],
    ['DELETE', '/api/v1/sessions', true],
    ['POST', '/api/v1/devices', true],
    ['POST', '/api/v1/sync/push', true],
    ['GET', '/api/v1/sync/pull', true],
    ['GET', '/api/v1/password-resets/options', false],
    ['POST', '/api/v1/password-resets/recovery-code', false],
    ['POST', '/api/v1/password-resets/token', false],
    ['POST', '/api/v1/password-resets/leader-code', false],
    ['GET', '/api/v1/account/leader-reset-codes', true],
    ['POST', '/api/v1/account/recovery-codes', true],
    ['GET', '/api/v1/account/recovery-codes', true],
    ['GET', '/api/v1/account/data', true],
    ['DELETE', '/api/v1/account', true],
  ];

  it.each(routes)(
    '%s %s: arbitrary bodies never get a 5xx or store part of a refused request',
    async (method, path, auth) => {
      await fc.assert(
        fc.asyncProperty(anyBody, async (body) => {
          // Signing out would end the session the next runs use; those routes get junk auth instead.
          const headers: Record<string, string> =
            method === 'DELETE' ? { authorization: 'Bearer not-a-session' } : auth ? withAuth() : {};
          await send(method, path, body, headers);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('arbitrary headers on every route never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.constantFrom(
            'authorization',
            'content-type',
            'x-forwarded-for',
            'accept',
            'accept-encoding',
            'cookie',
            'x-junk',
          ),
          headerValue,
        ),
        async ([method, path], headers) => {
          const safe = method === 'DELETE' && headers.authorization?.includes(a.token) ? {} : headers;
          await send(method, path, '{}', safe);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('arbitrary pull queries and cursors are refused with 400, never a 5xx', async () => {
    const cursor = fc.oneof(
      hostileString,
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
      fc
        .record({
          v: fc.oneof(fc.constant(1), fc.jsonValue()),
          e: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
          d: fc.oneof(fc.integer(), fc.double()),
        })
        .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
    );
    await fc.assert(
      fc.asyncProperty(
        cursor,
        fc.oneof(hostileString, fc.integer().map(String)),
        fc.string({ maxLength: 20 }),
        async (c, limit, extra) => {
          const query = new URLSearchParams({ cursor: c, limit, [extra || 'x']: 'y' }).toString();
          await send('GET', `/api/v1/sync/pull?${query}`, undefined, withAuth());
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('near-valid pushes: either the whole batch is stored, or nothing is', async () => {
    let seq = 0;
    const valid = () => makeEvent(a.deviceId, ++seq);
    const event = fc.oneof(
      fc.constant(null).map(() => valid()),
      breakOneField(valid),
    );
    const payloadBroken = fc.record({ key: hostileString, value: fc.jsonValue() }).map(({ key, value }) => ({
      ...valid(),
      type: 'section-reached',
      payload: { sectionId: 's', index: 1, [key]: value },
    }));
    const doc = breakOneField(() => ({ id: 'note:a:b', baseRev: 0, body: { text: 'hi' } as unknown }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(event, payloadBroken), { maxLength: 6 }),
        fc.array(doc, { maxLength: 2 }),
        fc.oneof(fc.constant(a.deviceId), hostileString),
        async (events, docs, deviceId) => {
          const before = await counts();
          const { status, json } = await send(
            'POST',
            '/api/v1/sync/push',
            JSON.stringify({ deviceId, events, docs }),
            withAuth(),
          );
          if (status === 200) {
            // Every item has its own answer, and exactly the acked ones were stored.
            const answer = json as PushResponse;
            expect(answer.results).toHaveLength(events.length);
            expect(answer.docs).toHaveLength(docs.length);
            const after = await counts();
            expect(after.events - before.events).toBe(
              answer.results.filter((r) => r.status === 'acked').length,
            );
          }
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('near-valid sign-ups and sign-ins never get a 5xx', async () => {
    const signUp = breakOneField(() => ({
      email: 'new@example.org',
      name: 'New Learner',
      password: 'long enough password',
    }));
    const signIn = breakOneField(() => ({ email: 'fuzz@example.org', password: 'correct horse battery' }));
    await fc.assert(
      fc.asyncProperty(signUp, signIn, async (up, inn) => {
        const { status: created } = await send('POST', '/api/v1/accounts', JSON.stringify(up), {
          'content-type': 'application/json',
        });
        expect([201, 400, 409, 429]).toContain(created);
        const { status: signedIn } = await send('POST', '/api/v1/sessions', JSON.stringify(inn), {
          'content-type': 'application/json',
        });
        expect([200, 400, 401, 429]).toContain(signedIn);
      }),
      { numRuns: RUNS },
    );
  });
});
