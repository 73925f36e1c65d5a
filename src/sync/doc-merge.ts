// Merge rules for docs (notes, reading position, settings) between this device and the server.
// The one rule that matters: never a silent overwrite. When both sides changed, the local edit stays in
// `body` and the server copy goes to `conflict` for the learner to resolve; equal bodies are not a conflict.
import type { DocRow } from '../db/db';
import type { SentDoc } from '../db/sync-store';
import type { DocResult, SyncedDoc } from '../shared/sync-protocol';
import { sameBody } from './same-body';

/** What a pulled server doc does to the local row; undefined when the row stays as it is. */
export function mergePulledDoc(
  local: DocRow | undefined,
  server: SyncedDoc,
  now: string,
): DocRow | undefined {
  if (!local) return { id: server.id, body: server.body, rev: server.rev, dirty: 0, updatedAt: now };
  if (server.rev <= local.rev) return undefined;
  if (local.dirty === 0) return { ...local, body: server.body, rev: server.rev };
  if (sameBody(local.body, server.body)) return { ...local, rev: server.rev, dirty: 0 };
  if (local.conflict && local.conflict.rev >= server.rev) return undefined;
  return { ...local, conflict: { rev: server.rev, body: server.body } };
}

/**
 * The row after the server answered a push of `sent`. A doc edited again while the push was in flight
 * (its updatedAt moved on) takes the new revision as its base but stays dirty, so the later edit is sent too.
 */
export function applyDocResult(row: DocRow, sent: SentDoc, result: DocResult): DocRow {
  // The body is compared too: two saves in one clock tick (coarse browser clocks) share an updatedAt.
  const editedSince = row.updatedAt !== sent.updatedAt || !sameBody(row.body, sent.body);
  // A conflict with our own bytes is the echo of a push whose response was lost: it was saved.
  const saved = result.status === 'saved' || sameBody(result.body, sent.body);
  if (saved) return { ...row, rev: Math.max(row.rev, result.rev), dirty: editedSince ? 1 : 0 };
  // The server is behind what we built on (restored from a backup): rebase on it and send ours again.
  if (result.rev < row.rev) return { ...row, rev: result.rev };
  return { ...row, conflict: { rev: result.rev, body: result.body } };
}
