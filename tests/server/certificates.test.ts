import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rotateCertificateKey } from '../../server/certificates/certificate-keys';
import { VERIFY_PER_IP_PER_MIN } from '../../server/certificates/certificate-routes';
import type { LearnerEvent } from '../../src/shared/progress/events';
import type {
  MyCertificate,
  PublicKey,
  SignedCertificate,
  VerifyResponse,
} from '../../src/shared/protocol/certificate-protocol';
import { fixtureCatalog } from '../helpers/fixture-course';
import { json, type Learner, makeEvent, makeTestApp, newLearner, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../scripts/verify-certificate.mjs');
const HOUR = 60 * 60_000;
// What the device claims: years before the server ever heard of these completions.
const BACKDATED = '2020-01-06T10:00:00.000Z';

let distDir: string;
beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'cert-dist-'));
  await mkdir(path.join(distDir, 'content'));
  await writeFile(path.join(distDir, 'content', 'catalog.json'), JSON.stringify(fixtureCatalog));
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

/** The signature check anyone can do with node:crypto: the canonical JSON of `certificate`, the published key. */
function signatureHolds(signed: SignedCertificate, keys: PublicKey[]): boolean {
  const canonical = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : value !== null && typeof value === 'object'
        ? `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
            .join(',')}}`
        : JSON.stringify(value);
  const key = keys.find((k) => k.kid === signed.certificate.keyId);
  if (!key) return false;
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
  return verify(
    null,
    Buffer.from(canonical(signed.certificate)),
    publicKey,
    Buffer.from(signed.signature, 'base64url'),
  );
}

describe.each(testDbKinds)('certificates on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  let seq = 0;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    t = makeTestApp(testDb.db, { distDir });
    a = await newLearner(t);
    seq = 0;
  });

  const push = async (who: Learner, events: LearnerEvent[], docs: unknown[] = []) => {
    const res = await t.call('POST', '/api/v1/sync/push', {
      token: who.token,
      body: { deviceId: who.deviceId, events, docs },
    });
    expect(res.status).toBe(200);
  };
  const completion = (who: Learner, lessonId: string) =>
    makeEvent(who.deviceId, ++seq, { type: 'lesson-completed', lessonId, at: BACKDATED, payload: {} });
  /** Completes Foundations' two lessons, the server receiving them at T0 and T0 + 2 h. */
  const completeFoundations = async (who: Learner) => {
    t.clock.now = T0;
    await push(who, [
      makeEvent(who.deviceId, ++seq, {
        type: 'time-spent',
        lessonId: 'foundations-what-sen-means',
        payload: { intervalId: 'i1', ms: 7 * 60_000 },
      }),
      completion(who, 'foundations-what-sen-means'),
    ]);
    t.clock.now = T0 + 2 * HOUR;
    await push(who, [completion(who, 'foundations-sen-support')]);
    t.clock.now = T0 + 3 * HOUR;
  };
  const issue = (who: Learner, moduleId = 'foundations') =>
    t.call('POST', '/api/v1/certificates', { token: who.token, body: { moduleId } });
  const keys = async () =>
    (await json<{ keys: PublicKey[] }>(await t.call('GET', '/api/v1/certificates/keys'))).keys;
  const verifyAnswer = async (id: string) =>
    json<VerifyResponse>(await t.call('GET', `/api/v1/certificates/verify/${id}`));

  it('issues a signed certificate from the server’s own events, dated when the server received them', async () => {
    await completeFoundations(a);
    const res = await issue(a);
    expect(res.status).toBe(201);
    const { signed, revokedAt } = await json<MyCertificate>(res);
    expect(revokedAt).toBeNull();
    expect(signed.certificate).toMatchObject({
      type: 'pocket-cpd-certificate',
      name: 'Sam Learner',
      moduleId: 'foundations',
      moduleTitle: 'Foundations: the SEND Code of Practice',
      minutes: 9,
      minutesSpent: 7,
      startedAt: new Date(T0).toISOString(),
      completedAt: new Date(T0 + 2 * HOUR).toISOString(),
      contentVersion: 'fixture-1',
      issuedAt: new Date(T0 + 3 * HOUR).toISOString(),
    });
    expect(signed.certificate.lessons.map((l) => [l.id, l.completedAt])).toEqual([
      ['foundations-what-sen-means', new Date(T0).toISOString()],
      ['foundations-sen-support', new Date(T0 + 2 * HOUR).toISOString()],
    ]);
    expect(signed.certificate.id).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(JSON.stringify(signed)).not.toContain(BACKDATED.slice(0, 10));
    expect(signatureHolds(signed, await keys())).toBe(true);
  });

  it('uses the name on certificates from the learner’s synced settings', async () => {
    await completeFoundations(a);
    await push(
      a,
      [],
      [
        {
          id: 'settings',
          baseRev: 0,
          body: { textSize: 100, theme: 'system', certificateName: 'Alex Morgan' },
        },
      ],
    );
    const { signed } = await json<MyCertificate>(await issue(a));
    expect(signed.certificate.name).toBe('Alex Morgan');
  });

  it('names the setting of the learner’s team, and none for a learner in no team', async () => {
    await completeFoundations(a);
    const alone = await json<MyCertificate>(await issue(a));
    expect(alone.signed.certificate.setting).toBeUndefined();
    const created = await t.call('POST', '/api/v1/teams', {
      token: a.token,
      body: { name: 'Oak Class Nursery' },
    });
    expect(created.status).toBe(201);
    const { signed } = await json<MyCertificate>(await issue(a));
    expect(signed.certificate.setting).toBe('Oak Class Nursery');
    expect(signatureHolds(signed, await keys())).toBe(true);
  });

  it('refuses a module the server does not see complete, counting against the served catalogue', async () => {
    t.clock.now = T0;
    await push(a, [completion(a, 'foundations-what-sen-means')]);
    const res = await issue(a);
    expect(res.status).toBe(409);
    expect(await json<{ error: { code: string; message: string } }>(res)).toMatchObject({
      error: { code: 'not_complete', message: expect.stringContaining('1 of 2 lessons') },
    });
    expect(await testDb.db.kysely.selectFrom('certificates').selectAll().execute()).toEqual([]);
  });

  it('does not count a voided completion', async () => {
    await completeFoundations(a);
    const voidedOne = completion(a, 'foundations-sen-support');
    await push(a, [
      voidedOne,
      makeEvent(a.deviceId, ++seq, {
        type: 'voided',
        lessonId: 'foundations-sen-support',
        payload: { eventId: voidedOne.id },
      }),
    ]);
    // The first completion of that lesson still stands: voiding one of two keeps the module complete.
    expect((await issue(a)).status).toBe(201);
    const b = await newLearner(t);
    t.clock.now = T0;
    const only = completion(b, 'foundations-sen-support');
    await push(b, [
      completion(b, 'foundations-what-sen-means'),
      only,
      makeEvent(b.deviceId, ++seq, {
        type: 'voided',
        lessonId: 'foundations-sen-support',
        payload: { eventId: only.id },
      }),
    ]);
    expect((await issue(b)).status).toBe(409);
  });

  it('answers 404 for a module not in the course and 503 when the server has no catalogue', async () => {
    await completeFoundations(a);
    expect((await issue(a, 'no-such-module')).status).toBe(404);
    const bare = makeTestApp(testDb.db, { distDir: path.join(distDir, 'missing') });
    const res = await bare.call('POST', '/api/v1/certificates', {
      token: a.token,
      body: { moduleId: 'foundations' },
    });
    expect(res.status).toBe(503);
    expect((await t.call('POST', '/api/v1/certificates', { body: { moduleId: 'foundations' } })).status).toBe(
      401,
    );
  });

  it('gives the same certificate when asked twice, and a new one once something certified changed', async () => {
    await completeFoundations(a);
    const first = await json<MyCertificate>(await issue(a));
    t.clock.now += HOUR;
    const again = await issue(a);
    expect(again.status).toBe(200);
    expect((await json<MyCertificate>(again)).signed).toEqual(first.signed);

    await push(
      a,
      [],
      [
        {
          id: 'settings',
          baseRev: 0,
          body: { textSize: 100, theme: 'system', certificateName: 'Alex Morgan' },
        },
      ],
    );
    const renamed = await issue(a);
    expect(renamed.status).toBe(201);
    const second = await json<MyCertificate>(renamed);
    expect(second.signed.certificate.id).not.toBe(first.signed.certificate.id);

    const list = await json<{ certificates: MyCertificate[] }>(
      await t.call('GET', '/api/v1/certificates', { token: a.token }),
    );
    expect(list.certificates.map((c) => c.signed.certificate.name)).toEqual(['Alex Morgan', 'Sam Learner']);
  });

  it('rejects tampered fields: name, a date, a lesson, the module, the key id and the signature', async () => {
    await completeFoundations(a);
    const { signed } = await json<MyCertificate>(await issue(a));
    const published = await keys();
    expect(signatureHolds(signed, published)).toBe(true);
    const c = signed.certificate;
    const tampered: SignedCertificate[] = [
      { ...signed, certificate: { ...c, name: 'Someone Else' } },
      { ...signed, certificate: { ...c, completedAt: '2025-01-01T00:00:00.000Z' } },
      { ...signed, certificate: { ...c, lessons: c.lessons.slice(1) } },
      { ...signed, certificate: { ...c, moduleTitle: 'Advanced autism practice' } },
      { ...signed, certificate: { ...c, minutes: 90 } },
      { ...signed, certificate: { ...c, setting: 'Another School' } },
      { ...signed, certificate: { ...c, keyId: 'made-up' } },
      // The first character carries the top bits of the first byte, so changing it always changes the
      // signature (ending it in 'AA' left it unchanged whenever its last byte was already 0: 1 run in 256).
      { ...signed, signature: `${signed.signature.startsWith('A') ? 'B' : 'A'}${signed.signature.slice(1)}` },
    ];
    for (const forged of tampered) expect(signatureHolds(forged, published)).toBe(false);
  });

  it('shows a revoked certificate as revoked to everyone, and only its learner may revoke it', async () => {
    await completeFoundations(a);
    const { signed } = await json<MyCertificate>(await issue(a));
    const id = signed.certificate.id;
    expect(await verifyAnswer(id)).toEqual({ status: 'valid', certificate: signed.certificate });

    const b = await newLearner(t);
    expect((await t.call('POST', `/api/v1/certificates/${id}/revoke`, { token: b.token })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/certificates/${id}/signed`, { token: b.token })).status).toBe(404);
    expect((await verifyAnswer(id)).status).toBe('valid');

    t.clock.now += HOUR;
    const res = await t.call('POST', `/api/v1/certificates/${id}/revoke`, { token: a.token });
    expect(res.status).toBe(200);
    const revokedAt = new Date(t.clock.now).toISOString();
    expect((await json<MyCertificate>(res)).revokedAt).toBe(revokedAt);
    expect(await verifyAnswer(id)).toEqual({ status: 'revoked', revokedAt, certificate: signed.certificate });
    // Asking again after a revocation gives a new certificate, never the revoked one back.
    const reissued = await json<MyCertificate>(await issue(a));
    expect(reissued.signed.certificate.id).not.toBe(id);
    expect(reissued.revokedAt).toBeNull();
  });

  it('keeps old certificates verifiable after the key is rotated, and signs new ones with the new key', async () => {
    await completeFoundations(a);
    const old = (await json<MyCertificate>(await issue(a))).signed;
    t.clock.now += HOUR;
    const newKeyId = await rotateCertificateKey(testDb.db, t.clock.now);
    const published = await keys();
    expect(published.map((k) => [k.kid, k.retiredAt === null])).toEqual([
      [newKeyId, true],
      [old.certificate.keyId, false],
    ]);
    expect(signatureHolds(old, published)).toBe(true);
    expect((await verifyAnswer(old.certificate.id)).status).toBe('valid');

    await push(
      a,
      [],
      [
        {
          id: 'settings',
          baseRev: 0,
          body: { textSize: 100, theme: 'system', certificateName: 'Alex Morgan' },
        },
      ],
    );
    const fresh = (await json<MyCertificate>(await issue(a))).signed;
    expect(fresh.certificate.keyId).toBe(newKeyId);
    expect(signatureHolds(fresh, published)).toBe(true);
    // Each signature holds only under its own key.
    expect(signatureHolds({ ...old, certificate: { ...old.certificate, keyId: newKeyId } }, published)).toBe(
      false,
    );
  });

  it('says unknown for ids never issued, malformed or not, and tells nothing more', async () => {
    expect(await verifyAnswer('ABCDEFGHJK')).toEqual({ status: 'unknown' });
    expect(await verifyAnswer('not-an-id')).toEqual({ status: 'unknown' });
    await completeFoundations(a);
    const { signed } = await json<MyCertificate>(await issue(a));
    // Typed from paper in lower case with a space, it is still found.
    const typed = `${signed.certificate.id.slice(0, 5).toLowerCase()}%20${signed.certificate.id.slice(5)}`;
    const res = await t.call('GET', `/api/v1/certificates/verify/${typed}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'valid' });
    expect(text).not.toContain(a.email);
    expect(text).not.toContain(a.learnerId);
  });

  it('rate-limits the public verify route per address', async () => {
    for (let i = 0; i < VERIFY_PER_IP_PER_MIN; i++) {
      expect((await t.call('GET', '/api/v1/certificates/verify/ABCDEFGHJK')).status).toBe(200);
    }
    const limited = await t.call('GET', '/api/v1/certificates/verify/ABCDEFGHJK');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.now += 61_000;
    expect((await t.call('GET', '/api/v1/certificates/verify/ABCDEFGHJK')).status).toBe(200);
  });

  it('downloads the signed JSON, which the standalone script verifies with only the published keys', async () => {
    await completeFoundations(a);
    const { signed } = await json<MyCertificate>(await issue(a));
    const res = await t.call('GET', `/api/v1/certificates/${signed.certificate.id}/signed`, {
      token: a.token,
    });
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="certificate-${signed.certificate.id}.json"`,
    );
    const downloaded = await res.text();
    const dir = mkdtempSync(path.join(tmpdir(), 'cert-check-'));
    try {
      const certificateFile = path.join(dir, 'certificate.json');
      const keysFile = path.join(dir, 'keys.json');
      writeFileSync(certificateFile, downloaded);
      writeFileSync(keysFile, await (await t.call('GET', '/api/v1/certificates/keys')).text());
      const { stdout } = await run(process.execPath, [SCRIPT, certificateFile, keysFile]);
      expect(stdout).toContain(`VALID: ${signed.certificate.id}, Sam Learner`);

      const forged = JSON.parse(downloaded) as SignedCertificate;
      forged.certificate.name = 'Someone Else';
      writeFileSync(certificateFile, JSON.stringify(forged));
      const refused = await run(process.execPath, [SCRIPT, certificateFile, keysFile]).catch(
        (error: { code: number; stdout: string }) => error,
      );
      expect(refused).toMatchObject({ code: 1, stdout: expect.stringContaining('NOT VALID') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
