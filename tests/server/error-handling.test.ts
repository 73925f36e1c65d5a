import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/open-database';
import { makeTestApp } from './support/test-app';

describe('unexpected failures', () => {
  it('answer 500 JSON without details and log the error once', async () => {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    const t = makeTestApp(db);
    // No migrations: every query fails with "no such table", as a lost database would.
    const res = await t.call('POST', '/api/v1/sessions', {
      body: { email: 'a@example.org', password: 'whatever123' },
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server.' },
    });
    const errors = t.logs.map((l) => JSON.parse(l)).filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'unhandled error', path: '/api/v1/sessions' });
    expect(JSON.stringify(errors)).not.toContain('whatever123');
    expect((await t.call('GET', '/api/v1/nothing')).status).toBe(404);
    await db.close();
  });
});
