import { describe, expect, it } from 'vitest';
import { delayAfter, throttleRules } from '../../server/auth-throttle';
import { isCommonPassword } from '../../server/common-passwords';
import { loadConfig } from '../../server/config';
import { checkPassword, hashPassword, needsRehash, OWASP_MIN_LOG_N } from '../../server/passwords';

describe('delayAfter', () => {
  it.each([
    [throttleRules.pair, 1, 0],
    [throttleRules.pair, 2, 0],
    [throttleRules.pair, 3, 2_000],
    [throttleRules.pair, 4, 4_000],
    [throttleRules.pair, 12, 900_000],
    [throttleRules.pair, 40, 900_000],
    [throttleRules.account, 9, 0],
    [throttleRules.account, 10, 2_000],
    [throttleRules.account, 20, 300_000],
    [throttleRules.address, 19, 0],
    [throttleRules.address, 20, 2_000],
  ])('%o after %i failures waits %i ms', (rule, failures, ms) => {
    expect(delayAfter(rule, failures)).toBe(ms);
  });
});

describe('passwords', () => {
  it('hashes at OWASP’s minimum scrypt cost unless told otherwise', () => {
    expect(OWASP_MIN_LOG_N).toBe(17);
    const loaded = loadConfig({});
    expect(loaded.ok && loaded.config.scryptLogN).toBe(17);
  });

  it('treats the NFC and NFD spellings of a password as one password', async () => {
    const nfc = 'café au lait every morning'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const stored = await hashPassword(nfc, 10);
    expect(await checkPassword(nfd, stored, 10)).toEqual({ ok: true, rehash: false });
    expect(await checkPassword('cafe au lait every morning', stored, 10)).toEqual({
      ok: false,
      rehash: false,
    });
  });

  it('asks for a new hash when the stored one is cheaper than today’s cost', async () => {
    const stored = await hashPassword('a long enough secret', 10);
    expect(stored.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(needsRehash(stored, 10)).toBe(false);
    expect(needsRehash(stored, 11)).toBe(true);
    expect(await checkPassword('a long enough secret', stored, 11)).toEqual({ ok: true, rehash: true });
    expect(await checkPassword('a long enough secrets', stored, 11)).toEqual({ ok: false, rehash: false });
  });

  it.each([
    ['password123', true],
    ['Password123', true],
    ['ＰＡＳＳＷＯＲＤ123', true],
    ['qwertyuiop', true],
    ['1234567890', true],
    ['correct horse battery', false],
    ['a long enough secret', false],
  ])('%s is common: %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });
});
