// Ways back in: recovery codes and emailed reset links, on each test database. Reset emails go through a
// real SMTP server on loopback; the test reads the message and follows its link as the learner would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecoveryCodesResponse, RecoveryCodesStatus } from '../../src/shared/protocol/recovery-protocol';
import type { ApiError, SessionResponse } from '../../src/shared/protocol/sync-protocol';
import { mailText, resetLinkIn, type SmtpCatcher, startSmtpCatcher } from './support/smtp-catcher';
import { json, type Learner, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new sentence';

describe.each(testDbKinds)('ways back in on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => {
    await smtp.close();
  });
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    t = makeTestApp(testDb.db, {
      mail: {
        smtpUrl: smtp.url,
        publicUrl: 'https://cpd.example.org',
        from: 'Pocket CPD <no-reply@example.org>',
      },
    });
    a = await newLearner(t);
  });

  const makeCodes = async (password = PASSWORD) =>
    t.call('POST', '/api/v1/account/recovery-codes', { token: a.token, body: { password } });
  const signIn = (password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email: a.email, password } });
  const spendCode = (code: string, password = NEW_PASSWORD, email = a.email) =>
    t.call('POST', '/api/v1/password-resets/recovery-code', { body: { email, code, password } });
  const pull = (token: string) => t.call('GET', '/api/v1/sync/pull', { token });

  it('makes ten codes shown once, stores only their hashes, and a new set replaces the old', async () => {
    const res = await makeCodes();
    expect(res.status).toBe(201);
    const { codes } = await json<RecoveryCodesResponse>(res);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await testDb.db.kysely.selectFrom('recovery_codes').selectAll().execute();
    expect(stored).toHaveLength(10);
    const hashes = stored.map((r) => r.code_hash).join(' ');
    for (const code of codes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replace(/-/g, ''));
    }
    const status = await json<RecoveryCodesStatus>(
      await t.call('GET', '/api/v1/account/recovery-codes', { token: a.token }),
    );
    expect(status.remaining).toBe(10);

    const again = await json<RecoveryCodesResponse>(await makeCodes());
    expect((await spendCode(codes[0] ?? '')).status).toBe(401);
    expect((await spendCode(again.codes[0] ?? '')).status).toBe(200);
  });

  it('asks for the current password before making codes, with 403 so the session stays', async () => {
    const res = await makeCodes('not my password');
    expect(res.status).toBe(403);
    expect((await json<ApiError>(res)).error.code).toBe('wrong_password');
    expect(await testDb.db.kysely.selectFrom('recovery_codes').selectAll().execute()).toEqual([]);
    expect((await pull(a.token)).status).toBe(200);
  });

  it('signs in with a code and a new password, spends the code and signs out every other session', async () => {
    const { codes } = await json<RecoveryCodesResponse>(await makeCodes());
    const other = await json<SessionResponse>(await signIn(PASSWORD));
    // Typed by hand: lower case, spaces for hyphens, O for zero still work.
    const typed = (codes[3] ?? '').toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const res = await spendCode(typed);
    expect(res.status).toBe(200);
    const session = await json<SessionResponse>(res);
    expect(session.learnerId).toBe(a.learnerId);
    expect((await pull(session.token)).status).toBe(200);
    expect((await pull(a.token)).status).toBe(401);
    expect((await pull(other.token)).status).toBe(401);
    expect((await signIn(PASSWORD)).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
    expect((await spendCode(codes[3] ?? '', 'yet another sentence')).status).toBe(401);
    expect(await testDb.db.kysely.selectFrom('recovery_codes').selectAll().execute()).toHaveLength(9);
  });

  it('gives one answer for an unknown email or a wrong code, and changes nothing', async () => {
    const { codes } = await json<RecoveryCodesResponse>(await makeCodes());
    const wrongCode = await spendCode('AAAA-BBBB-CCCC');
    const unknown = await spendCode(codes[0] ?? '', NEW_PASSWORD, 'nobody@example.org');
    expect(wrongCode.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await json<ApiError>(wrongCode)).toEqual(await json<ApiError>(unknown));
    expect((await signIn(PASSWORD)).status).toBe(200);
    expect((await pull(a.token)).status).toBe(200);
  });

  it('refuses a short new password without spending the code', async () => {
    const { codes } = await json<RecoveryCodesResponse>(await makeCodes());
    const res = await spendCode(codes[0] ?? '', 'short');
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error.message).toContain('password');
    expect((await spendCode(codes[0] ?? '')).status).toBe(200);
  });

  it('slows code guessing per account after ten wrong codes', async () => {
    const { codes } = await json<RecoveryCodesResponse>(await makeCodes());
    for (let i = 0; i < 10; i += 1) expect((await spendCode(`WRNG-${i}AAA-AAAA`)).status).toBe(401);
    const limited = await spendCode(codes[0] ?? '');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.now += 60 * 60 * 1000 + 1;
    expect((await spendCode(codes[0] ?? '')).status).toBe(200);
  });

  it('offers the email link only when mail is configured', async () => {
    expect(await json(await t.call('GET', '/api/v1/password-resets/options'))).toEqual({
      recoveryCode: true,
      email: true,
    });
    const noMail = makeTestApp(testDb.db);
    expect(await json(await noMail.call('GET', '/api/v1/password-resets/options'))).toEqual({
      recoveryCode: true,
      email: false,
    });
    const res = await noMail.call('POST', '/api/v1/password-resets/email', { body: { email: a.email } });
    expect(res.status).toBe(501);
    expect((await json<ApiError>(res)).error.code).toBe('email_reset_unavailable');
  });

  it('emails a one-time link through SMTP; following it sets the password and signs out other sessions', async () => {
    const res = await t.call('POST', '/api/v1/password-resets/email', {
      body: { email: a.email.toUpperCase() },
    });
    expect(res.status).toBe(202);
    const mail = await smtp.next(a.email);
    expect(mail.from).toBe('no-reply@example.org');
    expect(mailText(mail.raw)).toContain('within 30 minutes');
    const link = new URL(resetLinkIn(mail.raw));
    expect(link.origin).toBe('https://cpd.example.org');
    expect(link.pathname).toBe('/reset-password');
    const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? '';
    const stored = await testDb.db.kysely.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.expires_at).toBe(t.clock.now + 30 * 60 * 1000);

    const reset = await t.call('POST', '/api/v1/password-resets/token', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(reset.status).toBe(200);
    const session = await json<SessionResponse>(reset);
    expect((await pull(session.token)).status).toBe(200);
    expect((await pull(a.token)).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
    const again = await t.call('POST', '/api/v1/password-resets/token', {
      body: { token, password: 'a third new sentence' },
    });
    expect(again.status).toBe(400);
    expect((await json<ApiError>(again)).error.code).toBe('reset_link_invalid');
    expect(await testDb.db.kysely.selectFrom('password_resets').selectAll().execute()).toEqual([]);
  });

  it('answers an unknown email the same way and sends nothing', async () => {
    const known = await t.call('POST', '/api/v1/password-resets/email', { body: { email: a.email } });
    const unknown = await t.call('POST', '/api/v1/password-resets/email', {
      body: { email: 'nobody@example.org' },
    });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    await smtp.next(a.email);
    expect(smtp.messages.flatMap((m) => m.to)).toEqual([a.email]);
    expect(await testDb.db.kysely.selectFrom('password_resets').selectAll().execute()).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    await t.call('POST', '/api/v1/password-resets/email', { body: { email: a.email } });
    const link = new URL(resetLinkIn((await smtp.next(a.email)).raw));
    const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? '';
    t.clock.now += 30 * 60 * 1000;
    const res = await t.call('POST', '/api/v1/password-resets/token', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect((await signIn(PASSWORD)).status).toBe(200);
  });

  it('sends at most three reset emails an hour to one address, with the same answer past it', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await t.call('POST', '/api/v1/password-resets/email', { body: { email: a.email } });
      expect(res.status).toBe(202);
    }
    await smtp.next(a.email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await testDb.db.kysely.selectFrom('password_resets').selectAll().execute()).toHaveLength(3);
  });

  it('limits reset requests per address a minute', async () => {
    const strict = makeTestApp(testDb.db, { authRatePerIpPerMin: 2 });
    const ask = () =>
      strict.call('POST', '/api/v1/password-resets/recovery-code', {
        body: { email: a.email, code: 'AAAA-AAAA-AAAA', password: NEW_PASSWORD },
      });
    expect((await ask()).status).toBe(401);
    expect((await ask()).status).toBe(401);
    expect((await ask()).status).toBe(429);
  });
});
