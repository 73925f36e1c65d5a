// Facilitated sessions (src/shared/protocol/session-protocol.ts has the routes and their bodies): a facilitator
// starts a session (for one of the teams they lead, or for none) and shows its join code; attendees join by
// the code on their own phones; with no signal the facilitator ticks typed names and, in a team's session,
// the team's members, sent here once back online.
import { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { JOIN_CODE_LENGTH } from '../../src/shared/protocol/join-code';
import {
  JOIN_CODE_HOURS,
  joinCodeSchema,
  type SessionAttendance,
  type SessionPreview,
  startSessionRequestSchema,
  tickedNamesRequestSchema,
} from '../../src/shared/protocol/session-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import type { Database } from '../db-schema';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { newReadableCode } from '../readable-code';
import { requireLearner } from '../require-learner';
import { leaderOf } from '../teams/team-access';

const HOUR_MS = 60 * 60 * 1000;
/** Join lookups a learner may make a minute: a room mistyping a code a few times, not a guessing run. */
const JOIN_LOOKUPS_PER_MINUTE = 20;
const CODE_TRIES = 8;

type SessionRow = Database['facilitated_sessions'];
/** A ticked attendee by their row key: a typed name (`learnerId` null) or a member of the session's team. */
type Ticked = { name: string; learnerId: string | null };

const notFound = () => new HttpError(404, 'session_not_found', 'There is no session with that code or id.');

export function facilitatedSessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, limiter } = deps;

  const ownSession = async (sessionId: string, learnerId: string): Promise<SessionRow> => {
    const row = await db.kysely
      .selectFrom('facilitated_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirst();
    // Someone else's session answers as one that does not exist, so ids cannot be probed.
    if (!row || row.facilitator_id !== learnerId) throw notFound();
    return row;
  };

  const attendance = async (row: SessionRow): Promise<SessionAttendance> => {
    const attendees = await db.kysely
      .selectFrom('session_attendees')
      .select(['name', 'via', 'at', 'learner_id'])
      .where('session_id', '=', row.id)
      .orderBy('at')
      .orderBy('name')
      .execute();
    return {
      sessionId: row.id,
      code: row.code,
      expiresAt: new Date(row.expires_at).toISOString(),
      attendees: attendees.map((a) => ({
        name: a.name,
        via: a.via,
        at: new Date(a.at).toISOString(),
        ...(a.learner_id ? { learnerId: a.learner_id } : {}),
      })),
    };
  };

  /** The live session a code names, or 404/410; counts the lookup against the caller's limit. */
  const sessionByCode = async (rawCode: string, learnerId: string): Promise<SessionRow> => {
    const { count, retryAfter } = await limiter.hit(`attend:${learnerId}`, 60_000);
    if (count > JOIN_LOOKUPS_PER_MINUTE) {
      throw new HttpError(429, 'rate_limited', 'Too many codes tried. Wait a minute and try again.', {
        'Retry-After': String(retryAfter),
      });
    }
    const code = joinCodeSchema.safeParse(rawCode);
    if (!code.success) throw notFound();
    const row = await db.kysely
      .selectFrom('facilitated_sessions')
      .selectAll()
      .where('code', '=', code.data)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.expires_at <= clock()) {
      throw new HttpError(410, 'session_ended', 'That session has ended, so its code no longer works.');
    }
    return row;
  };

  const preview = async (row: SessionRow): Promise<SessionPreview> => {
    const facilitator = await db.kysely
      .selectFrom('learners')
      .select('name')
      .where('id', '=', row.facilitator_id)
      .executeTakeFirst();
    return {
      sessionId: row.id,
      moduleId: row.module_id,
      title: row.title,
      lessonIds: JSON.parse(row.lesson_ids) as string[],
      checks: JSON.parse(row.checks) as SessionPreview['checks'],
      minutes: row.minutes,
      startedAt: row.started_at,
      followUpOn: row.follow_up_on,
      facilitatorName: facilitator?.name ?? '',
    };
  };

  /** The session already stored under `sessionId` when it is the caller's (sent again); 409 when not. */
  const startedBefore = async (sessionId: string, learnerId: string): Promise<SessionRow | undefined> => {
    const row = await db.kysely
      .selectFrom('facilitated_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (row && row.facilitator_id !== learnerId) {
      throw new HttpError(409, 'session_id_taken', 'That session id is already in use.');
    }
    return row;
  };

  /** Of `learnerIds`, those who are members of `teamId` now, with their names; none for no team. */
  const currentMembers = async (
    teamId: string | null,
    learnerIds: string[],
  ): Promise<Map<string, string>> => {
    if (teamId === null || learnerIds.length === 0) return new Map();
    const rows = await db.kysely
      .selectFrom('team_members as m')
      .innerJoin('learners as l', 'l.id', 'm.learner_id')
      .select(['m.learner_id', 'l.name'])
      .where('m.team_id', '=', teamId)
      .where('m.learner_id', 'in', learnerIds)
      .execute();
    return new Map(rows.map((r) => [r.learner_id, r.name]));
  };

  return new Hono<AppEnv>()
    .post('/facilitated-sessions', requireLearner(deps), async (c) => {
      const body = await readJson(c, startSessionRequestSchema);
      const learnerId = c.get('learnerId');
      const existing = await startedBefore(body.sessionId, learnerId);
      if (existing) return c.json(started(existing), 200);
      // Only a team's leaders may run a session for it: its members become tickable, and its dashboard
      // counts who attended.
      if (body.teamId !== undefined) await leaderOf(deps, body.teamId, learnerId);
      const now = clock();
      // A session started offline and sent later keeps its code's time from when it started (but never
      // from the future, nor from so long ago that a fresh code would already be over).
      const startedMs = Math.min(Math.max(Date.parse(body.startedAt), now - JOIN_CODE_HOURS * HOUR_MS), now);
      for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
        const row: SessionRow = {
          id: body.sessionId,
          facilitator_id: learnerId,
          code: newReadableCode(JOIN_CODE_LENGTH),
          module_id: body.moduleId,
          title: body.title,
          lesson_ids: JSON.stringify(body.lessonIds),
          checks: JSON.stringify(body.checks),
          minutes: body.minutes,
          started_at: body.startedAt,
          follow_up_on: body.followUpOn,
          created_at: now,
          expires_at: startedMs + JOIN_CODE_HOURS * HOUR_MS,
          team_id: body.teamId ?? null,
        };
        // The code's uniqueness is the database's: a taken code (or the same id sent twice at once)
        // inserts nothing, and the loop looks again.
        const inserted = await db.kysely
          .insertInto('facilitated_sessions')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return c.json(started(row), 201);
        const raced = await startedBefore(body.sessionId, learnerId);
        if (raced) return c.json(started(raced), 200);
      }
      throw new HttpError(503, 'no_code', 'No join code was free. Try again.', { 'Retry-After': '1' });
    })
    .get('/facilitated-sessions/:sessionId', requireLearner(deps), async (c) => {
      const row = await ownSession(c.req.param('sessionId'), c.get('learnerId'));
      return c.json(await attendance(row));
    })
    .put('/facilitated-sessions/:sessionId/ticked', requireLearner(deps), async (c) => {
      const row = await ownSession(c.req.param('sessionId'), c.get('learnerId'));
      const { names, members } = await readJson(c, tickedNamesRequestSchema);
      const now = clock();
      const current = await currentMembers(
        row.team_id,
        members.map((m) => m.learnerId),
      );
      const byKey = new Map<string, Ticked>();
      for (const member of members) {
        const name = current.get(member.learnerId);
        if (name !== undefined)
          byKey.set(`learner:${member.learnerId}`, { name, learnerId: member.learnerId });
      }
      // The same name typed twice in different case is one person, written as first typed. A member who
      // has left the team since they were ticked is kept by name: the tick is not lost, but it counts for
      // no one's record.
      const typed = [...names, ...members.filter((m) => !current.has(m.learnerId)).map((m) => m.name)];
      for (const name of typed) {
        const key = `name:${name.toLowerCase()}`;
        if (!byKey.has(key)) byKey.set(key, { name, learnerId: null });
      }
      await db.kysely.transaction().execute(async (trx) => {
        await replaceTicked(trx, row.id, byKey, now);
      });
      return c.json(await attendance(row));
    })
    .get('/attend/:code', requireLearner(deps), async (c) => {
      const row = await sessionByCode(c.req.param('code'), c.get('learnerId'));
      return c.json(await preview(row));
    })
    .post('/attend/:code', requireLearner(deps), async (c) => {
      const learnerId = c.get('learnerId');
      const row = await sessionByCode(c.req.param('code'), learnerId);
      const learner = await db.kysely
        .selectFrom('learners')
        .select('name')
        .where('id', '=', learnerId)
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('session_attendees')
        .values({
          session_id: row.id,
          attendee_key: `learner:${learnerId}`,
          learner_id: learnerId,
          name: learner.name,
          via: 'code',
          at: clock(),
        })
        // A member ticked by the facilitator who then joins on their phone joined by code after all.
        .onConflict((oc) => oc.columns(['session_id', 'attendee_key']).doUpdateSet({ via: 'code' }))
        .execute();
      return c.json(await preview(row));
    });
}

/**
 * The ticked attendees become exactly `byKey`: those no longer ticked go, those still ticked keep the time
 * they were first sent, new ones are added. Attendees who joined by code are never touched (a ticked member
 * who also joined by code stays as joined by code).
 */
async function replaceTicked(
  trx: Transaction<Database>,
  sessionId: string,
  byKey: Map<string, Ticked>,
  now: number,
): Promise<void> {
  const current = await trx
    .selectFrom('session_attendees')
    .select('attendee_key')
    .where('session_id', '=', sessionId)
    .where('via', '=', 'ticked')
    .execute();
  const gone = current.map((r) => r.attendee_key).filter((key) => !byKey.has(key));
  if (gone.length > 0) {
    await trx
      .deleteFrom('session_attendees')
      .where('session_id', '=', sessionId)
      .where('attendee_key', 'in', gone)
      .execute();
  }
  const known = new Set(current.map((r) => r.attendee_key));
  const added = [...byKey].filter(([key]) => !known.has(key));
  if (added.length > 0) {
    await trx
      .insertInto('session_attendees')
      .values(
        added.map(([key, { name, learnerId }]) => ({
          session_id: sessionId,
          attendee_key: key,
          learner_id: learnerId,
          name,
          via: 'ticked' as const,
          at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['session_id', 'attendee_key']).doNothing())
      .execute();
  }
}

function started(row: SessionRow) {
  return { sessionId: row.id, code: row.code, expiresAt: new Date(row.expires_at).toISOString() };
}
