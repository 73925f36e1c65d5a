// Forwards each team's statements to the team's external LRS (docs/xapi.md, "Forwarding"). Every tick:
// the statements a team key would read that came from members' events (completions, dates only) and are
// not yet in `xapi_outbox` are added to it; then the due rows are sent, one PUT per statement id, so a
// retry of a statement the LRS already holds is a no-op (204) and one refused statement never holds back
// the others. A failure (network, 5xx, 401, 429) is kept on the row and retried with exponential backoff;
// a 400 or 409 is the LRS saying no to that statement for good, kept as `refused`. Sent rows stay, so a
// restarted forwarder sends nothing twice.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-env';
import { canonicalJson } from '../canonical-json';
import type { Database } from '../db-schema';
import type { Logger } from '../logger';
import { XAPI_VERSION } from './event-statement';
import { VOIDED_VERB } from './statement-schema';
import { type Json, learnersInReach, statementsInReach, voidedEventIds } from './statement-store';
import type { XapiScope } from './xapi-credentials';

export type ForwarderDeps = Pick<AppDeps, 'db' | 'course'> & {
  logger: Logger;
  /** The HTTP client (tests pass the global one too; kept as a parameter to name the dependency). */
  fetch: typeof fetch;
};

export const FORWARD_EVERY_MS = 60 * 1000;
/** Statements sent to one LRS per tick: a first forward of a large team's history goes over a few minutes. */
export const FORWARD_BATCH = 100;
const FIRST_RETRY_MS = 60 * 1000;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 15 * 1000;

/** How long to wait after the `attempts`-th failure: 1 minute, doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

type Forward = Database['xapi_forwards'];
type Outcome = { kind: 'sent' } | { kind: 'refused'; error: string } | { kind: 'retry'; error: string };

export type TickSummary = { enqueued: number; sent: number; refused: number; failed: number };

/** One tick over every team with a forward. */
export async function forwardOnce(deps: ForwarderDeps, now: number): Promise<TickSummary> {
  const summary: TickSummary = { enqueued: 0, sent: 0, refused: 0, failed: 0 };
  const forwards = await deps.db.kysely.selectFrom('xapi_forwards').selectAll().execute();
  for (const forward of forwards) {
    // A forward works while the leader who set it up still leads the team, as a team key does.
    if (!(await stillLeads(deps, forward))) continue;
    summary.enqueued += await enqueue(deps, forward, now);
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

async function enqueue(deps: ForwarderDeps, forward: Forward, now: number): Promise<number> {
  const { db } = deps;
  const scope: XapiScope = {
    keyId: 'forward',
    writable: false,
    owner: { kind: 'team', teamId: forward.team_id },
  };
  // Only statements made from members' events: what other tools wrote came from a system that has it.
  const current = (await statementsInReach(deps, scope, forward.base_url, {})).filter((s) => s.fromEvent);
  const currentIds = new Set(current.map((s) => s.id));
  const queued = await db.kysely
    .selectFrom('xapi_outbox')
    .select(['statement_id', 'learner_id', 'state', 'body'])
    .where('team_id', '=', forward.team_id)
    .execute();
  const queuedIds = new Set(queued.map((r) => r.statement_id));
  const rows: Database['xapi_outbox'][] = [];
  const add = (statementId: string, learnerId: string, statement: Json) => {
    queuedIds.add(statementId);
    rows.push({
      team_id: forward.team_id,
      statement_id: statementId,
      learner_id: learnerId,
      body: canonicalJson(statement),
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      sent_at: null,
    });
  };
  for (const s of current) {
    if (queuedIds.has(s.id)) continue;
    const { stored: _stored, authority: _authority, ...statement } = s.statement;
    add(s.id, learnerOf(statement), statement);
  }
  // Out of reach since queued (the member left, or the event was voided): not sent if not yet sent.
  const gone = queued.filter((r) => r.state === 'pending' && !currentIds.has(r.statement_id));
  for (const row of gone) {
    await db.kysely
      .deleteFrom('xapi_outbox')
      .where('team_id', '=', forward.team_id)
      .where('statement_id', '=', row.statement_id)
      .where('state', '=', 'pending')
      .execute();
  }
  // A completion the LRS already has and the member then undid: the LRS is told with a voiding statement.
  const members = new Set(await learnersInReach(deps, scope));
  const sentGone = queued.filter(
    (r) => r.state === 'sent' && !currentIds.has(r.statement_id) && members.has(r.learner_id),
  );
  if (sentGone.length > 0) {
    const voided = await voidedEventIds(deps, [...new Set(sentGone.map((r) => r.learner_id))]);
    for (const row of sentGone) {
      const voidingId = voidingIdOf(row.statement_id);
      if (!voided.has(row.statement_id) || queuedIds.has(voidingId)) continue;
      const original = JSON.parse(row.body) as Json;
      add(voidingId, row.learner_id, {
        id: voidingId,
        actor: original.actor,
        verb: { id: VOIDED_VERB, display: { 'en-GB': 'voided' } },
        object: { objectType: 'StatementRef', id: row.statement_id },
        version: XAPI_VERSION,
      });
    }
  }
  if (rows.length > 0) {
    // A second server process on the same database may have queued the same statements a moment ago.
    await db.kysely
      .insertInto('xapi_outbox')
      .values(rows)
      .onConflict((oc) => oc.columns(['team_id', 'statement_id']).doNothing())
      .execute();
  }
  return rows.length;
}

/** The learner id in one of our statements' actor (an account on our site: its name is the learner's id). */
function learnerOf(statement: Json): string {
  const actor = statement.actor as { account?: { name?: unknown } } | undefined;
  const name = actor?.account?.name;
  if (typeof name !== 'string') throw new Error('a statement from our mapping has no account actor');
  return name;
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
  let res: Response;
  try {
    res = await deps.fetch(url, {
      method: 'PUT',
      headers: {
        authorization: `Basic ${Buffer.from(`${forward.key_name}:${forward.key_secret}`).toString('base64')}`,
        'content-type': 'application/json',
        'X-Experience-API-Version': XAPI_VERSION,
      },
      body: row.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return { kind: 'retry', error: `Could not reach the LRS: ${cause}` };
  }
  if (res.status === 204 || res.status === 200) {
    await res.body?.cancel();
    return { kind: 'sent' };
  }
  const detail = (await res.text().catch(() => '')).slice(0, 300);
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
