// The statements a key reaches, read from two places: learners' events, mapped to statements as they are
// read (event-statement.ts), and `xapi_statements`, what other tools sent. Writes go only to the second:
// a statement from outside is kept and served but never becomes an event, so it never moves progress.
// Reads hold one window of statements in memory (bounded by `since`/`until` and the page's position),
// which suits one learner's or one team's records.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { learnerEventSchema } from '../../src/shared/progress/events';
import type { AppDeps } from '../app-env';
import { canonicalJson } from '../canonical-json';
import { HttpError } from '../http-error';
import { eventToStatement } from './event-statement';
import type { IncomingStatement } from './statement-schema';
import { VOIDED_VERB } from './statement-schema';
import type { XapiScope } from './xapi-credentials';

export type Json = Record<string, unknown>;
/** `fromEvent`: made from a learner's event by our mapping, not received from another tool. */
export type StoredStatement = { storedAt: number; id: string; statement: Json; fromEvent: boolean };

/** Whose records a key reaches: one learner, or each current member of a team. */
export async function learnersInReach(deps: Pick<AppDeps, 'db'>, scope: XapiScope): Promise<string[]> {
  if (scope.owner.kind === 'learner') return [scope.owner.learnerId];
  const rows = await deps.db.kysely
    .selectFrom('team_members')
    .select('learner_id')
    .where('team_id', '=', scope.owner.teamId)
    .execute();
  return rows.map((r) => r.learner_id);
}

export type Window = { after?: number; upTo?: number };

/**
 * What a team key reads of members' events: completions (lessons and facilitated sessions), which leaders
 * already see on the dashboard (docs/teams.md). Never answers, confidence, reading positions or time spent.
 */
export const TEAM_EVENT_TYPES = ['lesson-completed', 'session-attended'] as const;

/** Every statement in reach stored in the window (`after` < stored ≤ `upTo`), voided ones left out. */
export async function statementsInReach(
  deps: Pick<AppDeps, 'db' | 'course'>,
  scope: XapiScope,
  baseUrl: string,
  window: Window,
): Promise<StoredStatement[]> {
  const learners = await learnersInReach(deps, scope);
  if (learners.length === 0) return [];
  const { db, course } = deps;
  const names = new Map(
    (await db.kysely.selectFrom('learners').select(['id', 'name']).where('id', 'in', learners).execute()).map(
      (l) => [l.id, l.name],
    ),
  );
  const voidedEvents = await voidedEventIds(deps, learners);
  let events = db.kysely
    .selectFrom('events')
    .select(['learner_id', 'event_id', 'body', 'received_at'])
    .where('learner_id', 'in', learners);
  if (scope.owner.kind === 'team') events = events.where('type', 'in', [...TEAM_EVENT_TYPES]);
  if (window.after !== undefined) events = events.where('received_at', '>', window.after);
  if (window.upTo !== undefined) events = events.where('received_at', '<=', window.upTo);
  const found: StoredStatement[] = [];
  for (const row of await events.execute()) {
    if (voidedEvents.has(row.event_id)) continue;
    const learner = { id: row.learner_id, name: names.get(row.learner_id) ?? '' };
    const statement = storedEventStatement(course, row, learner, baseUrl, scope.owner.kind === 'team');
    if (statement) found.push({ storedAt: row.received_at, id: row.event_id, statement, fromEvent: true });
  }
  let received = db.kysely
    .selectFrom('xapi_statements')
    .select(['id', 'body', 'stored_at'])
    .where('learner_id', 'in', learners)
    .where('voided_by', 'is', null);
  if (scope.owner.kind === 'team') received = received.where('team_id', '=', scope.owner.teamId);
  if (window.after !== undefined) received = received.where('stored_at', '>', window.after);
  if (window.upTo !== undefined) received = received.where('stored_at', '<=', window.upTo);
  for (const row of await received.execute()) {
    found.push({
      storedAt: row.stored_at,
      id: row.id,
      statement: JSON.parse(row.body) as Json,
      fromEvent: false,
    });
  }
  return found;
}

/**
 * A stored event as our statement; undefined for an event type this build cannot read (a newer app's),
 * which has no statement yet. `datesOnly` for a team's reach (docs/teams.md: no times of day).
 */
export function storedEventStatement(
  course: AppDeps['course'],
  row: { body: string; received_at: number },
  learner: { id: string; name: string },
  baseUrl: string,
  datesOnly: boolean,
): Json | undefined {
  const event = learnerEventSchema.safeParse(JSON.parse(row.body));
  if (!event.success) return undefined;
  return eventToStatement(event.data, { baseUrl, learner, course, receivedAt: row.received_at, datesOnly });
}

export async function voidedEventIds(deps: Pick<AppDeps, 'db'>, learners: string[]): Promise<Set<string>> {
  if (learners.length === 0) return new Set();
  const rows = await deps.db.kysely
    .selectFrom('events')
    .select('body')
    .where('learner_id', 'in', learners)
    .where('type', '=', 'voided')
    .execute();
  const ids = new Set<string>();
  for (const row of rows) {
    const body = JSON.parse(row.body) as { payload?: { eventId?: unknown } };
    if (typeof body.payload?.eventId === 'string') ids.add(body.payload.eventId);
  }
  return ids;
}

/** One statement by id, if in reach: `voided` asks for it only when it has been voided, as voidedStatementId does. */
export async function oneStatement(
  deps: AppDeps,
  scope: XapiScope,
  baseUrl: string,
  id: string,
  voided: boolean,
): Promise<Json | undefined> {
  const learners = await learnersInReach(deps, scope);
  if (learners.length === 0) return undefined;
  const { db, course } = deps;
  const event = await db.kysely
    .selectFrom('events as e')
    .innerJoin('learners as l', 'l.id', 'e.learner_id')
    .select(['e.learner_id', 'e.body', 'e.received_at', 'l.name'])
    .where('e.learner_id', 'in', learners)
    .where(sql<string>`lower(e.event_id)`, '=', id)
    .$if(scope.owner.kind === 'team', (q) => q.where('e.type', 'in', [...TEAM_EVENT_TYPES]))
    .executeTakeFirst();
  if (event) {
    const parsed = learnerEventSchema.safeParse(JSON.parse(event.body));
    if (!parsed.success) return undefined;
    const isVoided = (await voidedEventIds(deps, [event.learner_id])).has(parsed.data.id);
    if (isVoided !== voided) return undefined;
    return eventToStatement(parsed.data, {
      baseUrl,
      learner: { id: event.learner_id, name: event.name },
      course,
      receivedAt: event.received_at,
      datesOnly: scope.owner.kind === 'team',
    });
  }
  let received = db.kysely
    .selectFrom('xapi_statements')
    .select(['body', 'voided_by'])
    .where('learner_id', 'in', learners)
    .where('id', '=', id);
  if (scope.owner.kind === 'team') received = received.where('team_id', '=', scope.owner.teamId);
  const row = await received.executeTakeFirst();
  if (!row || (row.voided_by !== null) !== voided) return undefined;
  return JSON.parse(row.body) as Json;
}

/** What two statements are compared on: all but what the LRS itself sets. */
const comparable = (s: Json) => {
  const { stored: _stored, authority: _authority, version: _version, id: _id, ...rest } = s;
  return canonicalJson(rest);
};

/**
 * Keeps statements sent by a tool, in one transaction: each gets an id if it has none, `stored` and the
 * key as its `authority`. A statement whose id is already kept (or is one of the learner's events) is
 * skipped when it is the same statement and refused (409) when it is not. Returns the ids in order.
 */
export async function storeStatements(
  deps: AppDeps,
  scope: XapiScope,
  baseUrl: string,
  incoming: { statement: IncomingStatement; learnerId: string }[],
): Promise<string[]> {
  const { db, clock, course } = deps;
  const now = clock();
  const ids = incoming.map(({ statement }) => (statement.id ?? randomUUID()).toLowerCase());
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw new HttpError(400, 'duplicate_id', `The statement id ${repeated} appears twice in the batch.`);
  }
  const authority = {
    objectType: 'Agent',
    name: 'xAPI key',
    account: { homePage: baseUrl, name: scope.keyId },
  };
  await db.kysely.transaction().execute(async (trx) => {
    for (const [i, { statement, learnerId }] of incoming.entries()) {
      const id = ids[i] as string;
      const body: Json = {
        ...statement,
        id,
        stored: new Date(now).toISOString(),
        authority,
        version: statement.version ?? '1.0.0',
      };
      const event = await trx
        .selectFrom('events as e')
        .innerJoin('learners as l', 'l.id', 'e.learner_id')
        .select(['e.body', 'e.received_at', 'l.name'])
        .where('e.learner_id', '=', learnerId)
        .where(sql<string>`lower(e.event_id)`, '=', id)
        .executeTakeFirst();
      if (event) {
        const ours = learnerEventSchema.safeParse(JSON.parse(event.body));
        const same =
          ours.success &&
          comparable(
            eventToStatement(ours.data, {
              baseUrl,
              learner: { id: learnerId, name: event.name },
              course,
              receivedAt: event.received_at,
            }),
          ) === comparable(body);
        if (!same) throw conflict(id);
        continue;
      }
      const kept = await trx
        .selectFrom('xapi_statements')
        .select('body')
        .where('learner_id', '=', learnerId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (kept) {
        if (comparable(JSON.parse(kept.body) as Json) !== comparable(body)) throw conflict(id);
        continue;
      }
      if (statement.verb.id === VOIDED_VERB && statement.object.objectType === 'StatementRef') {
        const target = statement.object.id.toLowerCase();
        const isEvent = await trx
          .selectFrom('events')
          .select('event_id')
          .where('learner_id', '=', learnerId)
          .where(sql<string>`lower(event_id)`, '=', target)
          .executeTakeFirst();
        if (isEvent) {
          throw new HttpError(
            403,
            'cannot_void_own_record',
            `Statement ${target} is made from the learner's own record in Pocket CPD; it can be undone only in the app.`,
          );
        }
        // A voiding statement cannot itself be voided (xAPI 1.0.3 §2.3.2): such a target stays as it is.
        const voidable = await trx
          .selectFrom('xapi_statements')
          .select('body')
          .where('learner_id', '=', learnerId)
          .where('id', '=', target)
          .executeTakeFirst();
        if (voidable && (JSON.parse(voidable.body) as { verb?: { id?: string } }).verb?.id !== VOIDED_VERB) {
          await trx
            .updateTable('xapi_statements')
            .set({ voided_by: id })
            .where('learner_id', '=', learnerId)
            .where('id', '=', target)
            .execute();
        }
      }
      await trx
        .insertInto('xapi_statements')
        .values({
          learner_id: learnerId,
          id,
          body: canonicalJson(body),
          stored_at: now,
          team_id: scope.owner.kind === 'team' ? scope.owner.teamId : null,
          voided_by: null,
        })
        .execute();
    }
  });
  return ids;
}

const conflict = (id: string) =>
  new HttpError(409, 'statement_conflict', `A different statement with the id ${id} is already stored.`);
