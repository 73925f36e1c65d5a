// Merge rules for docs (notes, reading position, settings) between this device and the server.
// Notes are never silently overwritten: when both sides changed, the local edit stays in `body` and the
// server copy goes to `conflict` for the learner to resolve; equal bodies are not a conflict.
// Other docs have no one to resolve them, so they settle on their own (DESIGN.md §5): a reading position
// is last-writer-wins by (hlc, deviceId) — the furthest section is kept separately by the event fold —
// and settings keep this device's latest choice, rebased on the server revision. Leaving them as
// conflicts kept them dirty for ever: re-sent, refused, and counted as "waiting" on every round.
import type { DocRow } from '../db/db';
import type { SentDoc } from '../db/sync-store';
import type { DocResult, SyncedDoc } from '../shared/protocol/sync-protocol';
import { sameBody } from './same-body';

const needsLearner = (id: string) => id.startsWith('note:');

function writeOrder(body: Record<string, unknown>): string {
  return typeof body.hlc === 'string' ? `${body.hlc}|${String(body.deviceId ?? '')}` : '';
}

/** A doc changed on both sides that is not a note: the later write wins, and it is based on the server rev. */
function settle(row: DocRow, server: { rev: number; body: Record<string, unknown> }): DocRow {
  const { conflict: _dropped, ...rest } = row;
  const local = writeOrder(row.body);
  const remote = writeOrder(server.body);
  const serverWins = local !== '' && remote !== '' && remote > local;
  return serverWins
    ? { ...rest, body: server.body, rev: server.rev, dirty: 0 }
    : { ...rest, rev: server.rev, dirty: 1 };
}

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
  if (!needsLearner(local.id)) return settle(local, server);
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
  if (!needsLearner(row.id)) return settle(row, result);
  return { ...row, conflict: { rev: result.rev, body: result.body } };
}
