// Forwards each team's statements to the team's external LRS (docs/xapi.md, "Forwarding"). Every tick:
// the statements a team key would read that came from members' events (completions, dates only) received
// since the forward's cursor are added to `xapi_outbox`; then the due rows are sent, one PUT per statement
// id, so a retry of a statement the LRS already holds is a no-op (204) and one refused statement never
// holds back the others. A failure (network, 5xx, 401, 429, an address the guard refuses) is kept on the
// row and retried with exponential backoff; a 400 or 409 is the LRS saying no to that statement for good,
// kept as `refused`. Sent rows stay, so a restarted forwarder sends nothing twice.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-env';
import { canonicalJson } from '../canonical-json';
import type { Database } from '../db-schema';
import type { Logger } from '../logger';
import { XAPI_VERSION } from './event-statement';
import { type LrsAnswer, putToLrs } from './lrs-request';
import { VOIDED_VERB } from './statement-schema';
import {
  type Json,
  learnersInReach,
  storedEventStatement,
  TEAM_EVENT_TYPES,
  voidedEventIds,
} from './statement-store';

export type ForwarderDeps = Pick<AppDeps, 'db' | 'course'> & {
  logger: Logger;
  /** XAPI_FORWARD_ALLOW_PRIVATE: send to private and loopback addresses and over http (docs/xapi.md). */
  allowPrivateAddresses: boolean;
};

export const FORWARD_EVERY_MS = 60 * 1000;
/** Statements sent to one LRS per tick: a first forward of a large team's history goes over a few minutes. */
export const FORWARD_BATCH = 100;
/** Member events read for one team per tick, so a tick's work stays bounded when a forward starts. */
export const ENQUEUE_BATCH = 1000;
const FIRST_RETRY_MS = 60 * 1000;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 15 * 1000;

/** How long to wait after the `attempts`-th failure: 1 minute, doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

type Forward = Database['xapi_forwards'];
type Outcome = { kind: 'sent' } | { kind: 'refused'; error: string } | { kind: 'retry'; error: string };

/** `read`: member events looked at this tick (only those past the cursors). */
export type TickSummary = { read: number; enqueued: number; sent: number; refused: number; failed: number };
type Enqueued = Pick<TickSummary, 'enqueued' | 'read'>;

/** One tick over every team with a forward. */
export async function forwardOnce(deps: ForwarderDeps, now: number): Promise<TickSummary> {
  const summary: TickSummary = { read: 0, enqueued: 0, sent: 0, refused: 0, failed: 0 };
  const forwards = await deps.db.kysely.selectFrom('xapi_forwards').selectAll().execute();
  for (const forward of forwards) {
    // A forward works while the leader who set it up still leads the team, as a team key does.
    if (!(await stillLeads(deps, forward))) continue;
    const enqueued = await enqueue(deps, forward, now);
    summary.read += enqueued.read;
    summary.enqueued += enqueued.enqueued;
    const delivered = await deliver(deps, forward, now);
    summary.sent += delivered.sent;
    summary.refused += delivered.refused;
    summary.failed += delivered.failed;
  }
  return summary;
}

export async function stillLeads(deps: Pick<AppDeps, 'db'>, forward: Forward): Promise<boolean> {
  const row = await deps.db.kysely
    .selectFrom('team_members')
    .select('team_role')
    .where('team_id', '=', forward.team_id)
    .where('learner_id', '=', forward.set_by)
    .executeTakeFirst();
  return row !== undefined && row.team_role !== 'member';
}

/**
 * Adds to the outbox what members' events brought since the last tick. Each member has a cursor per
 * forward (`xapi_forward_cursors`): the highest server sequence (`events.seq`) already looked at. The
 * sequence is the order the server received events in, given under the learner's lock, so an event a
 * device syncs a week late is after the cursor however old its own time is, and a tick reads only what is
 * new. A member without a cursor (new, or back after leaving) starts from their first event. A tick that
 * stops half way leaves the cursor behind what it queued: the next reads it again, and the outbox skips
 * ids it holds, so nothing is queued twice.
 */
async function enqueue(deps: ForwarderDeps, forward: Forward, now: number): Promise<Enqueued> {
  const { db, course } = deps;
  const teamId = forward.team_id;
  const members = await learnersInReach(deps, {
    keyId: 'forward',
    writable: false,
    owner: { kind: 'team', teamId },
  });
  await forgetLeavers(deps, teamId, members);
  if (members.length === 0) return { enqueued: 0, read: 0 };
  await db.kysely
    .insertInto('xapi_forward_cursors')
    .values(members.map((learnerId) => ({ team_id: teamId, learner_id: learnerId, seq: 0 })))
    .onConflict((oc) => oc.columns(['team_id', 'learner_id']).doNothing())
    .execute();
  // Read before the events: a learner's sequences are handed out and committed in order under their row
  // lock (store-push.ts), so every event up to this number is visible to the query below. A member whose
  // read was not cut off has then been read to here, whatever the types of their later events.
  const seqs = await db.kysely
    .selectFrom('learners')
    .select(['id', 'event_seq'])
    .where('id', 'in', members)
    .execute();
  const events = await db.kysely
    .selectFrom('events as e')
    .innerJoin('xapi_forward_cursors as c', (join) =>
      join.onRef('c.learner_id', '=', 'e.learner_id').onRef('e.seq', '>', 'c.seq'),
    )
    .innerJoin('learners as l', 'l.id', 'e.learner_id')
    .select(['e.learner_id', 'e.event_id', 'e.seq', 'e.type', 'e.body', 'e.received_at', 'l.name'])
    .where('c.team_id', '=', teamId)
    // Only what a team key reads (completions) and the voidings that may undo one.
    .where('e.type', 'in', [...TEAM_EVENT_TYPES, 'voided'])
    .orderBy('e.learner_id')
    .orderBy('e.seq')
    .limit(ENQUEUE_BATCH)
    .execute();
  if (events.length === 0) {
    await moveCursors(deps, teamId, new Map(seqs.map((l) => [l.id, l.event_seq])));
    return { enqueued: 0, read: 0 };
  }

  const completions = events.filter((e) => e.type !== 'voided');
  // Voided before or in this batch: never queued. (Voided later: the voiding event, below, deals with it.)
  const voided = await voidedEventIds(deps, [...new Set(completions.map((e) => e.learner_id))]);
  const rows: Database['xapi_outbox'][] = [];
  const row = (statementId: string, learnerId: string, statement: Json): Database['xapi_outbox'] => ({
    team_id: teamId,
    statement_id: statementId,
    learner_id: learnerId,
    body: canonicalJson(statement),
    state: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    sent_at: null,
  });
  for (const event of completions) {
    if (voided.has(event.event_id)) continue;
    const learner = { id: event.learner_id, name: event.name };
    const statement = storedEventStatement(course, event, learner, forward.base_url, true);
    if (!statement) continue;
    const { stored: _stored, authority: _authority, ...sent } = statement;
    rows.push(row(event.event_id, event.learner_id, sent));
  }
  // A completion undone since: dropped if still waiting; the LRS is told with a voiding statement if sent.
  const undone = events
    .filter((e) => e.type === 'voided')
    .map((e) => (JSON.parse(e.body) as { payload?: { eventId?: unknown } }).payload?.eventId)
    .filter((id): id is string => typeof id === 'string');
  if (undone.length > 0) {
    await db.kysely
      .deleteFrom('xapi_outbox')
      .where('team_id', '=', teamId)
      .where('statement_id', 'in', undone)
      .where('state', '=', 'pending')
      .execute();
    const sent = await db.kysely
      .selectFrom('xapi_outbox')
      .select(['statement_id', 'learner_id', 'body'])
      .where('team_id', '=', teamId)
      .where('statement_id', 'in', undone)
      .where('state', '=', 'sent')
      .execute();
    for (const original of sent) {
      const voidingId = voidingIdOf(original.statement_id);
      rows.push(
        row(voidingId, original.learner_id, {
          id: voidingId,
          actor: (JSON.parse(original.body) as Json).actor,
          verb: { id: VOIDED_VERB, display: { 'en-GB': 'voided' } },
          object: { objectType: 'StatementRef', id: original.statement_id },
          version: XAPI_VERSION,
        }),
      );
    }
  }
  let enqueued = 0;
  if (rows.length > 0) {
    // Already queued (an earlier tick that stopped before moving the cursor, or a second server process
    // on the same database): skipped, never sent twice on purpose.
    const inserted = await db.kysely
      .insertInto('xapi_outbox')
      .values(rows)
      .onConflict((oc) => oc.columns(['team_id', 'statement_id']).doNothing())
      .executeTakeFirst();
    enqueued = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  const readTo = new Map<string, number>();
  for (const e of events) readTo.set(e.learner_id, Math.max(readTo.get(e.learner_id) ?? 0, e.seq));
  const cutOff = events.length === ENQUEUE_BATCH;
  const lastRead = events.at(-1)?.learner_id;
  for (const { id, event_seq } of seqs) {
    // Cut off by the batch: only the members the read went past are known to be read to the end (the
    // order of ids is the database's, so a member not in the batch may be before or after the cut).
    if (cutOff && (id === lastRead || !readTo.has(id))) continue;
    readTo.set(id, Math.max(readTo.get(id) ?? 0, event_seq));
  }
  await moveCursors(deps, teamId, readTo);
  return { enqueued, read: events.length };
}

async function moveCursors(deps: Pick<AppDeps, 'db'>, teamId: string, readTo: Map<string, number>) {
  for (const [learnerId, seq] of readTo) {
    // Only forward: a second process that read less must not move the cursor back.
    await deps.db.kysely
      .updateTable('xapi_forward_cursors')
      .set({ seq })
      .where('team_id', '=', teamId)
      .where('learner_id', '=', learnerId)
      .where('seq', '<', seq)
      .execute();
  }
}

/**
 * A member who left is no longer forwarded: what was waiting for them is dropped, and their cursor goes,
 * so if they come back their record is read again from the start (the outbox skips what was sent).
 */
async function forgetLeavers(deps: Pick<AppDeps, 'db'>, teamId: string, members: string[]): Promise<void> {
  for (const table of ['xapi_outbox', 'xapi_forward_cursors'] as const) {
    let gone = deps.db.kysely.deleteFrom(table).where('team_id', '=', teamId);
    if (members.length > 0) gone = gone.where('learner_id', 'not in', members);
    if (table === 'xapi_outbox') gone = gone.where('state', '=', 'pending');
    await gone.execute();
  }
}

/** The id of the statement voiding `statementId`: derived from it, so every forwarder makes the same one. */
export function voidingIdOf(statementId: string): string {
  const hex = createHash('sha256').update(`voids:${statementId}`).digest('hex');
  // Shaped as a version-8 (name-based, custom) UUID with the RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function deliver(
  deps: ForwarderDeps,
  forward: Forward,
  now: number,
): Promise<{ sent: number; refused: number; failed: number }> {
  const { db } = deps;
  const due = await db.kysely
    .selectFrom('xapi_outbox')
    .selectAll()
    .where('team_id', '=', forward.team_id)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('statement_id')
    .limit(FORWARD_BATCH)
    .execute();
  const counts = { sent: 0, refused: 0, failed: 0 };
  for (const row of due) {
    const outcome = await send(deps, forward, row);
    const thisRow = db.kysely
      .updateTable('xapi_outbox')
      .where('team_id', '=', row.team_id)
      .where('statement_id', '=', row.statement_id);
    if (outcome.kind === 'sent') {
      counts.sent++;
      await thisRow.set({ state: 'sent', sent_at: now, last_error: null }).execute();
      await db.kysely
        .updateTable('xapi_forwards')
        .set({ last_delivery_at: now, last_error: null, last_error_at: null })
        .where('team_id', '=', forward.team_id)
        .execute();
      continue;
    }
    await db.kysely
      .updateTable('xapi_forwards')
      .set({ last_error: outcome.error, last_error_at: now })
      .where('team_id', '=', forward.team_id)
      .execute();
    if (outcome.kind === 'refused') {
      counts.refused++;
      await thisRow.set({ state: 'refused', last_error: outcome.error }).execute();
      continue;
    }
    counts.failed++;
    const attempts = row.attempts + 1;
    await thisRow
      .set({ attempts, next_attempt_at: now + retryDelayMs(attempts), last_error: outcome.error })
      .execute();
    // The LRS is down or refusing our key: the rest of the batch would fail alike; they wait their turn.
    deps.logger.warn('xapi forward failed', { team: forward.team_id, error: outcome.error });
    break;
  }
  return counts;
}

async function send(deps: ForwarderDeps, forward: Forward, row: Database['xapi_outbox']): Promise<Outcome> {
  const url = new URL(`statements?statementId=${encodeURIComponent(row.statement_id)}`, forward.endpoint);
  let res: LrsAnswer;
  try {
    res = await putToLrs(
      url,
      {
        authorization: `Basic ${Buffer.from(`${forward.key_name}:${forward.key_secret}`).toString('base64')}`,
        'content-type': 'application/json',
        'X-Experience-API-Version': XAPI_VERSION,
      },
      row.body,
      { allowPrivate: deps.allowPrivateAddresses, timeoutMs: REQUEST_TIMEOUT_MS, logger: deps.logger },
    );
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return { kind: 'retry', error: `Could not reach the LRS: ${cause}` };
  }
  if (res.status === 204 || res.status === 200) return { kind: 'sent' };
  const detail = res.text.slice(0, 300);
  const error = `The LRS answered ${res.status}${detail ? `: ${detail}` : ''}`;
  // 400 and 409 are about this statement and will not change on a retry; the rest may pass.
  return res.status === 400 || res.status === 409 ? { kind: 'refused', error } : { kind: 'retry', error };
}

/** Runs a tick now and every `everyMs` until the returned stop is called; a tick still running is not overlapped. */
export function startXapiForwarder(
  deps: ForwarderDeps,
  everyMs = FORWARD_EVERY_MS,
  clock: () => number = Date.now,
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    forwardOnce(deps, clock())
      .then(
        (summary) => {
          if (summary.enqueued + summary.sent + summary.refused + summary.failed > 0) {
            deps.logger.info('xapi forward', summary);
          }
        },
        (error: unknown) =>
          deps.logger.warn('xapi forward tick failed', {
            error: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
