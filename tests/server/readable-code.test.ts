// Codes people type from a wall or from paper: every kind is drawn from one alphabet and accepted back by
// its own schema, and the generator takes each character from the draw it is given.
import { describe, expect, it } from 'vitest';
import { newReadableCode } from '../../server/readable-code';
import { CERTIFICATE_ID_LENGTH, certificateIdSchema } from '../../src/shared/protocol/certificate-protocol';
import { JOIN_CODE_LENGTH, readJoinCode } from '../../src/shared/protocol/join-code';
import { READABLE_ALPHABET } from '../../src/shared/protocol/readable-code';
import { INVITE_CODE_LENGTH, inviteCodeSchema } from '../../src/shared/protocol/team-protocol';

const kinds: { kind: string; length: number; accepts: (code: string) => boolean }[] = [
  { kind: 'team invite', length: INVITE_CODE_LENGTH, accepts: (c) => inviteCodeSchema.safeParse(c).success },
  { kind: 'session join code', length: JOIN_CODE_LENGTH, accepts: (c) => readJoinCode(c) === c },
  {
    kind: 'certificate id',
    length: CERTIFICATE_ID_LENGTH,
    accepts: (c) => certificateIdSchema.safeParse(c).success,
  },
];

describe.each(kinds)('a $kind', ({ length, accepts }) => {
  it('is accepted by its schema, and every character of the alphabet turns up', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newReadableCode(length);
      expect(code).toHaveLength(length);
      expect(accepts(code)).toBe(true);
      for (const ch of code) seen.add(ch);
    }
    expect([...seen].sort().join('')).toBe([...READABLE_ALPHABET].sort().join(''));
  });

  it('refuses look-alikes and the wrong length', () => {
    expect(accepts('O'.repeat(length))).toBe(false);
    expect(accepts('1'.repeat(length))).toBe(false);
    expect(accepts('2'.repeat(length + 1))).toBe(false);
    expect(accepts('2'.repeat(length))).toBe(true);
  });
});

it('takes each character from the draw', () => {
  let n = 0;
  expect(newReadableCode(8, () => n++)).toBe('23456789');
  expect(newReadableCode(3, () => READABLE_ALPHABET.length - 1)).toBe('ZZZ');
});
