import { describe, expect, it } from 'vitest';
import type { DocRow } from '../../../src/db/db';
import { applyDocResult, mergePulledDoc } from '../../../src/sync/doc-merge';
import { docRow } from './sample-rows';

const NOW = '2026-03-02T10:00:00.000Z';
const NOTE = 'note:lesson-1:reflect-1';
const POSITION = 'position:lesson-1';
const position = (hlc: string, deviceId: string, sectionId: string) => ({
  sectionId,
  index: 1,
  hlc,
  deviceId,
});
const earlier = position('000000000000100:00000:a', 'a', 'intro');
const later = position('000000000000200:00000:b', 'b', 'why-it-matters');
const mine = { text: 'mine' };
const theirs = { text: 'theirs' };

describe('mergePulledDoc', () => {
  it.each<{
    name: string;
    local: DocRow | undefined;
    server: { rev: number; body: Record<string, unknown> };
    expected: Partial<DocRow> | undefined;
  }>([
    {
      name: 'new doc is stored clean',
      local: undefined,
      server: { rev: 1, body: theirs },
      expected: { body: theirs, rev: 1, dirty: 0 },
    },
    {
      name: 'clean doc takes the newer server copy',
      local: docRow(NOTE, { body: mine, rev: 1, dirty: 0 }),
      server: { rev: 2, body: theirs },
      expected: { body: theirs, rev: 2, dirty: 0 },
    },
    {
      name: 'an old or repeated revision changes nothing',
      local: docRow(NOTE, { body: mine, rev: 3, dirty: 0 }),
      server: { rev: 3, body: theirs },
      expected: undefined,
    },
    {
      name: 'dirty doc keeps the local edit and stores the server copy as conflict',
      local: docRow(NOTE, { body: mine, rev: 1 }),
      server: { rev: 2, body: theirs },
      expected: { body: mine, rev: 1, dirty: 1, conflict: { rev: 2, body: theirs } },
    },
    {
      name: 'dirty doc equal to the server copy (keys in another order) is simply clean',
      local: docRow(NOTE, { body: { a: 1, b: 2 }, rev: 1 }),
      server: { rev: 2, body: { b: 2, a: 1 } },
      expected: { rev: 2, dirty: 0 },
    },
    {
      name: 'reading position changed on both sides: the later write wins (server)',
      local: docRow(POSITION, { body: earlier, rev: 1 }),
      server: { rev: 2, body: later },
      expected: { body: later, rev: 2, dirty: 0 },
    },
    {
      name: 'reading position changed on both sides: the later write wins (this device), rebased to send',
      local: docRow(POSITION, { body: later, rev: 1 }),
      server: { rev: 2, body: earlier },
      expected: { body: later, rev: 2, dirty: 1 },
    },
    {
      name: 'settings changed on both sides: this device keeps its latest choice, rebased to send',
      local: docRow('settings', { body: { theme: 'dark' }, rev: 1 }),
      server: { rev: 2, body: { theme: 'cream' } },
      expected: { body: { theme: 'dark' }, rev: 2, dirty: 1 },
    },
    {
      name: 'a conflict already holding that revision is not replaced',
      local: docRow(NOTE, { body: mine, rev: 1, conflict: { rev: 2, body: theirs } }),
      server: { rev: 2, body: theirs },
      expected: undefined,
    },
  ])('$name', ({ local, server, expected }) => {
    const merged = mergePulledDoc(local, { id: local?.id ?? NOTE, ...server }, NOW);
    if (expected === undefined) expect(merged).toBeUndefined();
    else expect(merged).toMatchObject(expected);
    if (expected && !('conflict' in expected) && local?.id !== NOTE) expect(merged?.conflict).toBeUndefined();
  });
});

describe('applyDocResult', () => {
  const sent = { body: mine, updatedAt: '2026-03-02T09:00:00.000Z' };
  it.each<{
    name: string;
    row: DocRow;
    result: Parameters<typeof applyDocResult>[2];
    expected: Partial<DocRow>;
  }>([
    {
      name: 'saved: new revision, clean',
      row: docRow(NOTE, { body: mine, rev: 1 }),
      result: { id: NOTE, status: 'saved', rev: 2 },
      expected: { rev: 2, dirty: 0 },
    },
    {
      name: 'saved but edited meanwhile: new base, still dirty',
      row: docRow(NOTE, { body: { text: 'later' }, rev: 1, updatedAt: NOW }),
      result: { id: NOTE, status: 'saved', rev: 2 },
      expected: { rev: 2, dirty: 1, body: { text: 'later' } },
    },
    {
      name: 'conflict: both versions kept',
      row: docRow(NOTE, { body: mine, rev: 1 }),
      result: { id: NOTE, status: 'conflict', rev: 3, body: theirs },
      expected: { body: mine, rev: 1, dirty: 1, conflict: { rev: 3, body: theirs } },
    },
    {
      name: 'conflict on a reading position settles by write order, never as a conflict copy',
      row: docRow(POSITION, { body: earlier, rev: 1 }),
      result: { id: POSITION, status: 'conflict', rev: 3, body: later },
      expected: { body: later, rev: 3, dirty: 0 },
    },
    {
      name: 'conflict on settings: this device keeps its choice on the server revision',
      row: docRow('settings', { body: { theme: 'dark' }, rev: 1 }),
      result: { id: 'settings', status: 'conflict', rev: 3, body: { theme: 'cream' } },
      expected: { body: { theme: 'dark' }, rev: 3, dirty: 1 },
    },
    {
      name: 'conflict with our own bytes (a lost response) counts as saved',
      row: docRow(NOTE, { body: mine, rev: 0 }),
      result: { id: NOTE, status: 'conflict', rev: 1, body: mine },
      expected: { rev: 1, dirty: 0 },
    },
    {
      name: 'server behind our base (restored): rebase and send again',
      row: docRow(NOTE, { body: mine, rev: 5 }),
      result: { id: NOTE, status: 'conflict', rev: 0, body: {} },
      expected: { rev: 0, dirty: 1, body: mine },
    },
  ])('$name', ({ row, result, expected }) => {
    const next = applyDocResult(row, sent, result);
    expect(next).toMatchObject(expected);
    if (!('conflict' in expected)) expect(next.conflict).toBeUndefined();
  });
});
