// The one rule for saving a text field of a doc against the version the learner saw (`base`). When the doc
// still holds that text, the edit is an ordinary local edit. When it changed underneath (pulled from the
// server, resolved, or edited in another tab) the learner never saw the newer text, so it must not be
// overwritten: a server copy is answered by building the edit on the revision the learner saw, so the
// server replies `conflict` and both are kept; a local edit not yet on the server is kept here as the
// conflict copy, for the learner to choose as for any other conflict.
import type { DocRow } from './db';

export type FieldBase = { rev: number; text: string };

function textOf(body: Record<string, unknown> | undefined, field: string): string {
  const value = body?.[field];
  return typeof value === 'string' ? value : '';
}

export function fieldEdit(
  current: DocRow | undefined,
  edit: { id: string; body: Record<string, unknown>; field: string; base: FieldBase | null },
  updatedAt: string,
): DocRow {
  const { id, body, field, base } = edit;
  if (!current) return { id, body, rev: base?.rev ?? 0, dirty: 1, updatedAt };
  const underneath = base !== null && textOf(current.body, field) !== base.text;
  const row: DocRow = { id, body, rev: current.rev, dirty: 1, updatedAt };
  if (current.conflict) row.conflict = current.conflict;
  if (!underneath || base === null) return row;
  if (current.dirty === 0 && base.rev < current.rev) return { ...row, rev: base.rev };
  // A local version the server has never had: it becomes the other side of the conflict. A conflict copy
  // already held is still on the server, past this row's revision, so choosing brings it back as a conflict.
  return { ...row, conflict: { rev: current.rev, body: current.body } };
}
