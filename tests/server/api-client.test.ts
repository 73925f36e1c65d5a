// The api/ layer against the real server on a loopback port: its zod schemas read every answer the server
// gives, every failure comes back in the one error shape, a lost session reaches the one 401 path, and a
// server that does not answer ends in a timeout, not a hang.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, createApiClient } from '../../src/api/api-client';
import { fixtureCatalog } from '../helpers/fixture-course';
import { makeEvent, makeTestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

// The course the server checks certificates against.
let distDir = '';
beforeAll(() => {
  distDir = mkdtempSync(path.join(tmpdir(), 'api-client-dist-'));
  mkdirSync(path.join(distDir, 'content'));
  writeFileSync(path.join(distDir, 'content', 'catalog.json'), JSON.stringify(fixtureCatalog));
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe.each(testDbKinds)('the api client against the server on %s', (kind) => {
  let testDb: TestDb;
  let server: ReturnType<typeof serve>;
  let base = '';
  /** While set, requests to this path get no answer until the test ends. */
  let hangOn: string | undefined;
  const hanging: (() => void)[] = [];

  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    hangOn = undefined;
    const { app } = makeTestApp(testDb.db, { authRatePerIpPerMin: 4, distDir });
    const handle = (request: Request) =>
      new URL(request.url).pathname === hangOn
        ? new Promise<Response>((resolve) => hanging.push(() => resolve(new Response(null, { status: 204 }))))
        : app.fetch(request);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: handle, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const release of hanging.splice(0)) release();
    await new Promise((resolve) => server.close(resolve));
  });

  function client(timeoutMs?: number) {
    const lost: ApiFailure[] = [];
    const api = createApiClient({ baseUrl: `${base}/`, timeoutMs, onUnauthorized: (f) => void lost.push(f) });
    return { api, lost };
  }

  it('reads every answer of a sign-up, device, push, pull and sign-out through the shared schemas', async () => {
    const { api } = client();
    const created = await api.createAccount({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    expect(Object.keys(created.value).sort()).toEqual(['email', 'expiresAt', 'learnerId', 'name', 'token']);
    const token = created.value.token;
    const device = await api.registerDevice(token, 'Staff room tablet');
    if (!device.ok) throw new Error(device.failure.message);
    const events = [makeEvent(device.value.deviceId, 1), makeEvent(device.value.deviceId, 2)];
    const pushed = await api.push(token, {
      deviceId: device.value.deviceId,
      events,
      docs: [{ id: 'note:l1', baseRev: 0, body: { text: 'Try visual timetables' } }],
    });
    expect(pushed.ok && pushed.value.results.map((r) => r.status)).toEqual(['acked', 'acked']);
    expect(pushed.ok && pushed.value.docs).toEqual([{ id: 'note:l1', status: 'saved', rev: 1 }]);
    const pulled = await api.pull(token, undefined, 10);
    expect(pulled.ok && pulled.value.events).toEqual(events);
    expect(pulled.ok && pulled.value.docs).toEqual([
      { id: 'note:l1', rev: 1, body: { text: 'Try visual timetables' } },
    ]);
    expect(pulled.ok && pulled.value.hasMore).toBe(false);
    expect(await api.signOut(token)).toEqual({ ok: true, value: undefined });
  });

  it('reads and changes the account, and a wrong current password is a refusal, not a lost session', async () => {
    const { api, lost } = client();
    const created = await api.createAccount({
      email: 'acc@example.org',
      name: 'Acc',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    const token = created.value.token;
    expect(await api.getAccount(token)).toEqual({
      ok: true,
      value: { learnerId: created.value.learnerId, email: 'acc@example.org', name: 'Acc' },
    });
    const renamed = await api.updateAccount(token, { name: 'Ada Accountant' });
    expect(renamed.ok && renamed.value.name).toBe('Ada Accountant');
    const wrong = await api.changePassword(token, {
      currentPassword: 'not it at all',
      newPassword: 'another long one',
    });
    expect(!wrong.ok && [wrong.failure.kind, wrong.failure.status, wrong.failure.code]).toEqual([
      'rejected',
      403,
      'wrong_password',
    ]);
    expect(lost).toEqual([]);
    expect(
      await api.changePassword(token, { currentPassword: 'long enough pw', newPassword: 'another long one' }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('reads the reminder key and puts and deletes a push subscription through the shared schemas', async () => {
    const { api } = client();
    const created = await api.createAccount({
      email: 'rem@example.org',
      name: 'Rem',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    const token = created.value.token;
    const key = await api.reminderKey(token);
    expect(key.ok && Buffer.from(key.value.publicKey, 'base64url').length).toBe(65);
    const endpoint = 'https://fcm.googleapis.com/fcm/send/abc123';
    const keys = { p256dh: 'BPublicKeyOfTheBrowser', auth: 'authsecret' };
    expect(await api.putPushSubscription(token, { endpoint, keys })).toEqual({ ok: true, value: undefined });
    const stored = await testDb.db.kysely
      .selectFrom('push_subscriptions')
      .select(['endpoint', 'auth'])
      .execute();
    expect(stored).toEqual([{ endpoint, auth: 'authsecret' }]);
    const refused = await api.putPushSubscription(token, { endpoint: 'https://example.org/x', keys });
    expect(!refused.ok && [refused.failure.kind, refused.failure.code]).toEqual([
      'rejected',
      'unsupported_push_service',
    ]);
    expect(await api.deletePushSubscription(token, endpoint)).toEqual({ ok: true, value: undefined });
    expect(await testDb.db.kysely.selectFrom('push_subscriptions').select('endpoint').execute()).toEqual([]);
  });

  it('issues, lists, downloads, revokes and publicly verifies a certificate through the shared schemas', async () => {
    const { api } = client();
    const created = await api.createAccount({
      email: 'cert@example.org',
      name: 'Cert',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    const token = created.value.token;
    const device = await api.registerDevice(token);
    if (!device.ok) throw new Error(device.failure.message);
    const done = (seq: number, lessonId: string) =>
      makeEvent(device.value.deviceId, seq, { type: 'lesson-completed', lessonId, payload: {} });
    const notYet = await api.issueCertificate(token, 'foundations');
    expect(!notYet.ok && [notYet.failure.kind, notYet.failure.code]).toEqual(['rejected', 'not_complete']);
    await api.push(token, {
      deviceId: device.value.deviceId,
      events: [done(1, 'foundations-what-sen-means'), done(2, 'foundations-sen-support')],
    });
    const issued = await api.issueCertificate(token, 'foundations');
    if (!issued.ok) throw new Error(issued.failure.message);
    const id = issued.value.signed.certificate.id;
    const mine = await api.myCertificates(token);
    expect(mine.ok && mine.value.certificates.map((c) => c.signed.certificate.id)).toEqual([id]);
    const signed = await api.signedCertificate(token, id);
    expect(signed.ok && signed.value).toEqual(issued.value.signed);
    const keys = await api.certificateKeys();
    expect(keys.ok && keys.value.keys.map((k) => k.kid)).toEqual([issued.value.signed.certificate.keyId]);
    expect(await api.verifyCertificate(id)).toEqual({
      ok: true,
      value: { status: 'valid', certificate: issued.value.signed.certificate },
    });
    const revoked = await api.revokeCertificate(token, id);
    expect(revoked.ok && revoked.value.revokedAt).toEqual(expect.any(String));
    const after = await api.verifyCertificate(id);
    expect(after.ok && after.value.status).toBe('revoked');
    expect(await api.verifyCertificate('ZZZZZZZZZZ')).toEqual({ ok: true, value: { status: 'unknown' } });
  });

  it('gives every refusal the same shape: kind, status, the server code and message, Retry-After', async () => {
    const { api, lost } = client();
    await api.createAccount({ email: 'ada@example.org', name: 'Ada', password: 'long enough pw' });
    const taken = await api.createAccount({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'long enough pw',
    });
    expect(taken).toEqual({
      ok: false,
      failure: { kind: 'rejected', status: 409, code: 'email_taken', message: expect.any(String) },
    });
    const short = await api.createAccount({ email: 'bo@example.org', name: 'Bo', password: 'short' });
    expect(!short.ok && short.failure).toMatchObject({ kind: 'rejected', status: 400 });
    expect(!short.ok && short.failure.message).toContain('password');
    // Correct sign-ins until the per-address limit (4 a minute here) says to wait.
    let limited = await api.signIn({ email: 'ada@example.org', password: 'long enough pw' });
    for (let i = 0; i < 5 && limited.ok; i += 1)
      limited = await api.signIn({ email: 'ada@example.org', password: 'long enough pw' });
    expect(limited).toEqual({
      ok: false,
      failure: {
        kind: 'rate-limited',
        status: 429,
        code: 'rate_limited',
        message: expect.any(String),
        retryAfterMs: 60_000,
      },
    });
    // No session was involved in any of these, so none of them is a lost session.
    expect(lost).toEqual([]);
  });

  it('a wrong password is a 401 but not a lost session', async () => {
    const { api, lost } = client();
    await api.createAccount({ email: 'ada@example.org', name: 'Ada', password: 'long enough pw' });
    const wrong = await api.signIn({ email: 'ada@example.org', password: 'not the password' });
    expect(!wrong.ok && wrong.failure).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(lost).toEqual([]);
  });

  it('a call with a session the server has ended goes through the one 401 path, once', async () => {
    const { api, lost } = client();
    const created = await api.createAccount({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    expect((await api.signOutEverywhere(created.value.token)).ok).toBe(true);
    expect(lost).toEqual([]);

    const pulled = await api.pull(created.value.token, undefined, 10);
    expect(pulled).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', status: 401, code: 'unauthorized', message: expect.any(String) },
    });
    expect(lost).toEqual([!pulled.ok && pulled.failure]);
  });

  it('reads recovery codes, a reset by code, the data download and deletion through the shared schemas', async () => {
    const { api, lost } = client();
    const created = await api.createAccount({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    const token = created.value.token;
    expect(await api.resetOptions()).toEqual({ ok: true, value: { recoveryCode: true, email: false } });
    const wrong = await api.makeRecoveryCodes(token, 'not the password');
    expect(!wrong.ok && wrong.failure).toMatchObject({
      kind: 'rejected',
      status: 403,
      code: 'wrong_password',
    });
    const made = await api.makeRecoveryCodes(token, 'long enough pw');
    if (!made.ok) throw new Error(made.failure.message);
    expect(made.value.codes).toHaveLength(10);
    expect(await api.recoveryCodesStatus(token)).toMatchObject({ ok: true, value: { remaining: 10 } });
    const noMail = await api.emailResetLink('ada@example.org');
    expect(!noMail.ok && noMail.failure).toMatchObject({ status: 501, code: 'email_reset_unavailable' });
    const badLink = await api.resetWithToken({ token: 'x'.repeat(43), password: 'another long one' });
    expect(!badLink.ok && badLink.failure).toMatchObject({ status: 400, code: 'reset_link_invalid' });
    const reset = await api.resetWithRecoveryCode({
      email: 'ada@example.org',
      code: made.value.codes[0] ?? '',
      password: 'another long one',
    });
    if (!reset.ok) throw new Error(reset.failure.message);
    const data = await api.myData(reset.value.token);
    expect(data.ok && data.value.account.email).toBe('ada@example.org');
    expect((await api.deleteAccount(reset.value.token, { password: 'another long one' })).ok).toBe(true);
    expect(lost).toEqual([]);
  });

  it('a server that does not answer ends in a timeout the caller treats as offline', async () => {
    const { api } = client(300);
    const created = await api.createAccount({
      email: 'ada@example.org',
      name: 'Ada',
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    hangOn = '/api/v1/sync/pull';
    const started = Date.now();
    expect(await api.pull(created.value.token, undefined, 10)).toEqual({
      ok: false,
      failure: { kind: 'network', status: 0, code: 'timeout', message: 'The server did not answer in time.' },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    hangOn = undefined;
    expect((await api.pull(created.value.token, undefined, 10)).ok).toBe(true);
  });
});
