import { describe, expect, it } from 'vitest';
import type { DocRow } from '../../../src/db/db';
import { editedDoc } from '../../../src/db/doc-writes';
import {
  type FieldEvent,
  type FieldState,
  fieldReducer,
  initialField,
} from '../../../src/lib/data/synced-field';

const v1 = { text: 'first', rev: 1 };
const v2 = { text: 'merged on the server', rev: 2 };
const shown = (seen: { text: string; rev: number }): FieldState => ({ seen, text: seen.text, typing: false });
const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

describe('fieldReducer: what a field bound to a synced doc shows, and what it saves on', () => {
  it.each<{ name: string; state: FieldState; event: FieldEvent; tidied?: boolean; expected: FieldState }>([
    {
      name: 'first read shows the stored text',
      state: initialField,
      event: { type: 'stored', stored: v1 },
      expected: shown(v1),
    },
    {
      name: 'not typing: follows a change underneath',
      state: shown(v1),
      event: { type: 'stored', stored: v2 },
      expected: shown(v2),
    },
    {
      name: 'typing: keeps the typed text and the version the learner saw',
      state: { seen: v1, text: 'first, then more', typing: true },
      event: { type: 'stored', stored: v2 },
      expected: { seen: v1, text: 'first, then more', typing: true },
    },
    {
      name: 'a keystroke is typing',
      state: shown(v1),
      event: { type: 'typed', text: 'firsts' },
      expected: { seen: v1, text: 'firsts', typing: true },
    },
    {
      name: 'the save of the shown text stored: follows again, on what was stored',
      state: { seen: v1, text: 'firsts', typing: true },
      event: { type: 'saved', text: 'firsts', stored: { text: 'firsts', rev: 1 } },
      expected: shown({ text: 'firsts', rev: 1 }),
    },
    {
      name: 'typed more while saving: still typing, the next save builds on the one stored',
      state: { seen: v1, text: 'firsts and', typing: true },
      event: { type: 'saved', text: 'firsts', stored: { text: 'firsts', rev: 1 } },
      expected: { seen: { text: 'firsts', rev: 1 }, text: 'firsts and', typing: true },
    },
    {
      name: 'a version chosen replaces what is typed',
      state: { seen: v1, text: 'typed', typing: true },
      event: { type: 'replaced', stored: { text: 'typed\n\nmerged', rev: 2 } },
      expected: shown({ text: 'typed\n\nmerged', rev: 2 }),
    },
    {
      name: 'a name kept as typed while it stores as the stored text',
      state: { seen: { text: 'Ann Lee', rev: 0 }, text: 'Ann Lee ', typing: false },
      event: { type: 'stored', stored: { text: 'Ann Lee', rev: 0 } },
      tidied: true,
      expected: { seen: { text: 'Ann Lee', rev: 0 }, text: 'Ann Lee ', typing: false },
    },
    {
      name: 'a name changed on another device replaces the typed form',
      state: { seen: { text: 'Ann Lee', rev: 0 }, text: 'Ann Lee ', typing: false },
      event: { type: 'stored', stored: { text: 'Dr Ann Lee', rev: 0 } },
      tidied: true,
      expected: shown({ text: 'Dr Ann Lee', rev: 0 }),
    },
    {
      name: 'leaving the field shows the stored form',
      state: { seen: { text: 'Ann Lee', rev: 0 }, text: 'Ann Lee ', typing: false },
      event: { type: 'left' },
      expected: shown({ text: 'Ann Lee', rev: 0 }),
    },
    {
      name: 'leaving while a save is due keeps the typed text',
      state: { seen: v1, text: 'typed', typing: true },
      event: { type: 'left' },
      expected: { seen: v1, text: 'typed', typing: true },
    },
  ])('$name', ({ state, event, tidied, expected }) => {
    expect(fieldReducer(state, event, tidied ? tidy : undefined)).toEqual(expected);
  });
});

const AT = '2026-03-02T10:00:00.000Z';
const row = (over: Partial<DocRow>): DocRow => ({
  id: 'note:l:b',
  body: { text: 'first' },
  rev: 1,
  dirty: 0,
  updatedAt: 'x',
  ...over,
});

describe('editedDoc: saving a field against the version the learner saw', () => {
  it.each<{
    name: string;
    current: DocRow | undefined;
    base: { rev: number; text: string } | null;
    expected: Partial<DocRow>;
    noConflict?: boolean;
  }>([
    {
      name: 'a new doc',
      current: undefined,
      base: null,
      expected: { rev: 0, dirty: 1, body: { text: 'typed' } },
    },
    {
      name: 'unchanged underneath: an edit on its revision',
      current: row({}),
      base: { rev: 1, text: 'first' },
      expected: { rev: 1, dirty: 1 },
    },
    {
      name: 'same text at a newer revision (our own push saved): an edit on the newer one',
      current: row({ rev: 3 }),
      base: { rev: 1, text: 'first' },
      expected: { rev: 3, dirty: 1 },
    },
    {
      name: 'the server copy changed underneath: built on the revision seen, so the server answers conflict',
      current: row({ rev: 2, body: { text: 'merged' } }),
      base: { rev: 1, text: 'first' },
      expected: { rev: 1, dirty: 1, body: { text: 'typed' } },
      noConflict: true,
    },
    {
      name: 'a local edit made underneath (another tab): kept as the conflict copy',
      current: row({ rev: 1, dirty: 1, body: { text: 'other tab' } }),
      base: { rev: 1, text: 'first' },
      expected: {
        rev: 1,
        dirty: 1,
        body: { text: 'typed' },
        conflict: { rev: 1, body: { text: 'other tab' } },
      },
    },
    {
      name: 'a conflict waiting is kept on an ordinary edit',
      current: row({ dirty: 1, conflict: { rev: 2, body: { text: 'theirs' } } }),
      base: { rev: 1, text: 'first' },
      expected: { rev: 1, conflict: { rev: 2, body: { text: 'theirs' } } },
    },
  ])('$name', ({ current, base, expected, noConflict }) => {
    const typedOver = base ? { field: 'text', base } : undefined;
    const result = editedDoc(current, 'note:l:b', { text: 'typed' }, AT, typedOver);
    expect(result).toMatchObject({ ...expected, updatedAt: AT });
    if (noConflict) expect(result.conflict).toBeUndefined();
  });
});
