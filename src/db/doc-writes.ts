// The write rules for one doc row, pure: what a local edit and a resolved conflict store, given the row as
// it is now. src/db/docs-repo.ts applies each inside one get/put transaction.
import type { DocRow } from './db';

/** The stored version of a text field the learner saw while typing. */
export type FieldBase = { rev: number; text: string };

function textOf(body: Record<string, unknown> | undefined, field: string): string {
  const value = body?.[field];
  return typeof value === 'string' ? value : '';
}

/**
 * A local edit: dirty, on the stored revision, keeping a conflict that waits. `typedOver`: a text field
 * saved against the version the learner saw. When the doc still holds that text, the edit is an ordinary
 * local edit. When it changed underneath (pulled from the server, resolved, or edited in another tab) the
 * learner never saw the newer text, so it must not be overwritten: a server copy is answered by building
 * the edit on the revision the learner saw, so the server replies `conflict` and both are kept; a local edit
 * not yet on the server is kept here as the conflict copy, for the learner to choose as for any other
 * conflict.
 */
export function editedDoc(
  current: DocRow | undefined,
  id: string,
  body: Record<string, unknown>,
  updatedAt: string,
  typedOver?: { field: string; base: FieldBase },
): DocRow {
  if (!current) return { id, body, rev: typedOver?.base.rev ?? 0, dirty: 1, updatedAt };
  const row: DocRow = { id, body, rev: current.rev, dirty: 1, updatedAt };
  if (current.conflict) row.conflict = current.conflict;
  if (!typedOver || textOf(current.body, typedOver.field) === typedOver.base.text) return row;
  if (current.dirty === 0 && typedOver.base.rev < current.rev) return { ...row, rev: typedOver.base.rev };
  // A local version the server has never had: it becomes the other side of the conflict. A conflict copy
  // already held is still on the server, past this row's revision, so choosing brings it back as a conflict.
  return { ...row, conflict: { rev: current.rev, body: current.body } };
}

/**
 * A doc the learner has resolved: their choice (or merge) becomes a local edit built on the server revision
 * they were shown (`seenRev`, by default the newest seen), and the second version is dropped, so the next
 * push saves it without conflicting again. If the server moved on past what the learner was shown, the push
 * is answered with a conflict and the newer version is offered in turn: nothing unseen is dropped. Null when
 * the doc is gone.
 */
export function resolvedDoc(
  current: DocRow | undefined,
  body: Record<string, unknown>,
  updatedAt: string,
  seenRev?: number,
): DocRow | null {
  if (!current) return null;
  const { conflict, ...rest } = current;
  const newest = Math.max(current.rev, conflict?.rev ?? 0);
  const rev = seenRev === undefined ? newest : Math.min(newest, Math.max(current.rev, seenRev));
  return { ...rest, body, rev, dirty: 1, updatedAt };
}
