import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { decodeCursor, encodeCursor } from '../../server/sync-cursor';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8080 with 30-day sessions', () => {
    const result = loadConfig({});
    expect(result.ok && result.config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: 'data/pocket-cpd.sqlite' },
      sessionTtlMs: 30 * 86_400_000,
      trustProxy: false,
    });
  });

  it('has quota, per-learner request and SQLite durability defaults, each settable', () => {
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config).toMatchObject({
      database: { synchronous: 'FULL' },
      syncRequestsPerLearner: 2,
      quotas: { docs: 2_000, docBytes: 20 * 1024 * 1024, eventsPerDay: 20_000, devices: 10 },
    });
    const set = loadConfig({ QUOTA_DOCS: '50', QUOTA_EVENTS_PER_DAY: '900', SQLITE_SYNCHRONOUS: 'NORMAL' });
    expect(set.ok && set.config).toMatchObject({
      database: { synchronous: 'NORMAL' },
      quotas: { docs: 50, eventsPerDay: 900 },
    });
    expect(loadConfig({ QUOTA_DEVICES: '0' })).toMatchObject({ ok: false });
  });

  it('sets up reset emails only with SMTP_URL, which needs PUBLIC_URL', () => {
    const none = loadConfig({});
    expect(none.ok && none.config.mail).toBeUndefined();
    const alone = loadConfig({ SMTP_URL: 'smtp://relay.example.org:587' });
    expect(alone.ok).toBe(false);
    if (!alone.ok) expect(alone.message).toContain('PUBLIC_URL');
    const set = loadConfig({
      SMTP_URL: 'smtps://u:p@relay.example.org',
      PUBLIC_URL: 'https://cpd.example.org/',
    });
    expect(set.ok && set.config.mail).toEqual({
      smtpUrl: 'smtps://u:p@relay.example.org',
      publicUrl: 'https://cpd.example.org',
      from: 'Pocket CPD <no-reply@cpd.example.org>',
    });
    expect(loadConfig({ SMTP_URL: 'http://x', PUBLIC_URL: 'https://a.org' })).toMatchObject({ ok: false });
    expect(loadConfig({ SMTP_URL: 'smtp://x', PUBLIC_URL: 'https://a.org/app?x' })).toMatchObject({
      ok: false,
    });
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://u@db/pocket', PORT: '' });
    expect(result.ok && result.config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db/pocket',
      poolSize: 10,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SESSION_TTL_DAYS: '0' }, 'SESSION_TTL_DAYS'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
  ])('refuses %j naming %s', (env, name) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(name);
  });
});

describe('sync cursor', () => {
  it('round-trips positions', () => {
    expect(decodeCursor(encodeCursor({ e: 12, d: 3 }))).toEqual({ e: 12, d: 3 });
  });
  it.each([
    '',
    '!!!',
    'e30',
    encodeCursor({ e: 1, d: 1 }).slice(0, -2),
    Buffer.from('{"v":2,"e":1,"d":1}').toString('base64url'),
    Buffer.from('{"v":1,"e":-1,"d":0}').toString('base64url'),
  ])('refuses %s', (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
