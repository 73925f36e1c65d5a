// Sync server benchmark: 1,000 learners × 100 events pushed over HTTP on loopback to a real server
// process, then pulled back; each next to a raw bulk insert of the same rows in 500-row transactions.
// `npx tsx bench/sync-bench.ts` (SQLite); set BENCH_DATABASE_URL or TEST_DATABASE_URL to add PostgreSQL.
// A push carries one learner's events (the token names the learner), so 100 events per request here;
// the protocol allows up to 500, which a device uses only after a long time offline. Events name the first
// dozen lessons of the real course (compiled from content/ for the server, as a build would serve it). Half
// the learners are in no team, so a push pays one membership look-up; the other half are members of one
// team, so each push also folds their progress (server/teams/keep-progress.ts). After the bulk pushes, the
// halves push a few events at a time, taking turns, and their server CPU per event is printed side by side
// (issue "Teams": the fold may add at most 15 %). BENCH_FOLLOW_UP_PUSHES sets the rounds counted (8, after
// one that warms up). BENCH_NO_TEAM=1 puts nobody in the team, so both halves are the same: what the
// comparison then prints is the bench's own error.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { canonicalJson } from '../server/canonical-json';
import type { LearnerEvent } from '../src/shared/progress/events';
import { formatHlc } from '../src/shared/progress/hlc';
import type { PushResponse, SessionResponse } from '../src/shared/protocol/sync-protocol';
import { courseDist } from './support/course-dist';
import {
  benchSchema,
  cpuSeconds,
  postJson,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from './support/server-process';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 1000);
const EVENTS_PER_LEARNER = 100;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
// Latency is measured with fewer requests in flight: at 16 it would mostly measure queueing.
const PULL_CONCURRENCY = Number(process.env.BENCH_PULL_CONCURRENCY ?? 4);
const RAW_BATCH = 500;
const BENCH_TEAM_ID = 'bench-team';
// Eight rounds, not four: on two shared cores one round of either half can swing the comparison by 5 points.
const FOLLOW_UP_PUSHES = Number(process.env.BENCH_FOLLOW_UP_PUSHES ?? 8);
const FOLLOW_UP_EVENTS = 5;
/** Learners a turn of the follow-up comparison pushes for (half of them in a team). */
const TURN_LEARNERS = 128;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type Learner = { token: string; learnerId: string; deviceId: string; events: LearnerEvent[] };
type Target = {
  name: 'sqlite' | 'postgres';
  env: Record<string, string>;
  raw: (rows: RawRow[]) => Promise<void>;
  /** Makes one team of these learners, straight in the database (the join route is rate-limited per address). */
  addToTeam: (learnerIds: string[]) => Promise<void>;
  cleanup: () => Promise<void>;
};
type RawRow = { learnerId: string; event: LearnerEvent; seq: number };

function startServer(env: Record<string, string>): Promise<ServerProcess> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return startServerProcess({ DIST_DIR: distDir, ...env }, { nodeArgs });
}

/** Runs `task` for every item with at most `limit` in flight. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Set in main(): the first dozen lessons of the compiled course, and its dist folder for the server. */
let LESSON_IDS: string[] = [];
let distDir = '';

/**
 * `count` events of one device from its sequence `first` on, a second apart, starting a week ago: of the
 * lessons in turn, or all of `lessonId`.
 */
function eventsFor(
  deviceId: string,
  count = EVENTS_PER_LEARNER,
  first = 1,
  lessonId?: string,
): LearnerEvent[] {
  const t0 = Date.now() - 7 * 86_400_000;
  return Array.from({ length: count }, (_, k): LearnerEvent => {
    const i = first - 1 + k;
    const base = {
      id: randomUUID(),
      deviceId,
      deviceSeq: i + 1,
      at: new Date(t0 + i * 1000).toISOString(),
      hlc: formatHlc({ wall: t0 + i * 1000, counter: 0, node: deviceId.slice(0, 8) }),
      lessonId: lessonId ?? LESSON_IDS[i % 12] ?? `lesson-${i % 12}`,
    };
    switch (i % 5) {
      case 0:
        return { ...base, type: 'lesson-opened', payload: {} };
      case 1:
        return { ...base, type: 'section-reached', payload: { sectionId: `s${i % 7}`, index: i % 7 } };
      case 2:
        return {
          ...base,
          type: 'check-answered',
          payload: { checkId: `c${i % 4}`, optionIds: ['a', 'c'], correct: i % 3 === 0 },
        };
      case 3:
        return { ...base, type: 'time-spent', payload: { intervalId: randomUUID(), ms: 30_000 + i } };
      default:
        return { ...base, type: 'lesson-completed', payload: {} };
    }
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function benchTarget(target: Target): Promise<void> {
  const { base, child } = await startServer(target.env);
  const learners: Learner[] = [];
  try {
    // Not timed: scrypt makes account creation slow on purpose.
    await pool(
      Array.from({ length: LEARNERS }, (_, i) => i),
      8,
      async (i) => {
        const s = await postJson<SessionResponse>(`${base}/api/v1/accounts`, {
          email: `bench${i}-${randomBytes(3).toString('hex')}@example.org`,
          name: `Bench ${i}`,
          password: 'benchmark password',
        });
        const { deviceId } = await postJson<{ deviceId: string }>(`${base}/api/v1/devices`, {}, s.token);
        learners[i] = { token: s.token, learnerId: s.learnerId, deviceId, events: eventsFor(deviceId) };
      },
    );
    const total = LEARNERS * EVENTS_PER_LEARNER;
    // Serialised before the clock starts: the client shares the 2 cores and should not be measured.
    const pushBodies = learners.map((l) => JSON.stringify({ deviceId: l.deviceId, events: l.events }));
    if (process.env.BENCH_NO_TEAM !== '1')
      await target.addToTeam(learners.filter((_, i) => i % 2 === 1).map((l) => l.learnerId));
    let acked = 0;
    /**
     * Each learner of one half (of learners `from` to `to`) sends its bodies in order, CONCURRENCY learners at
     * a time.
     */
    const pushHalf = async (
      inTeam: boolean,
      bodiesOf: (index: number) => string[],
      eventsPerBody: number,
      [from, to] = [0, learners.length],
    ) => {
      const half = learners.flatMap((l, i) =>
        i >= from && i < to && (i % 2 === 1) === inTeam ? [{ l, bodies: bodiesOf(i) }] : [],
      );
      const events = half.reduce((sum, { bodies }) => sum + bodies.length * eventsPerBody, 0);
      const cpuStart = cpuSeconds(child.pid);
      const start = performance.now();
      await pool(half, CONCURRENCY, async ({ l, bodies }) => {
        for (const body of bodies) {
          const send = () =>
            fetch(`${base}/api/v1/sync/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${l.token}` },
              body,
            });
          // On a busy machine a kept-alive connection can close just as a push is sent on it; the device
          // sends again, and what the first attempt stored comes back `duplicate`.
          const res = await send().catch(send);
          if (!res.ok) throw new Error(`push → ${res.status} ${await res.text()}`);
          acked += ((await res.json()) as PushResponse).results.filter(
            (r) => r.status === 'acked' || r.status === 'duplicate',
          ).length;
        }
      });
      const seconds = (performance.now() - start) / 1000;
      return { seconds, cpu: cpuSeconds(child.pid) - cpuStart, events };
    };
    const whole = (i: number) => [pushBodies[i] as string];
    const bulk = [
      await pushHalf(false, whole, EVENTS_PER_LEARNER),
      await pushHalf(true, whole, EVENTS_PER_LEARNER),
    ];
    const pushSeconds = bulk.reduce((sum, half) => sum + half.seconds, 0);
    const pushCpu = bulk.reduce((sum, half) => sum + half.cpu, 0);
    if (acked !== total) throw new Error(`only ${acked} of ${total} events acked`);

    const latencies: number[] = [];
    let pulled = 0;
    const pullStart = performance.now();
    await pool(learners, PULL_CONCURRENCY, async (l) => {
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/sync/pull?limit=1000`, {
        headers: { authorization: `Bearer ${l.token}` },
      });
      const body = (await res.json()) as { events: unknown[] };
      latencies.push(performance.now() - t);
      pulled += body.events.length;
    });
    const pullSeconds = (performance.now() - pullStart) / 1000;
    if (pulled !== total) throw new Error(`pulled ${pulled} of ${total} events`);

    // Then as devices really push: a few events at a time onto a history. A team member's push folds the
    // touched modules on from their kept state and writes it back, so this is where keeping progress costs.
    // Two shapes: a study slot's events, of one lesson (a device pushes a few seconds after the learner's
    // last write, so most pushes are these), and events across five lessons (a device that was offline a
    // while, the worst case for the fold: two or three modules a push).
    let nextSeq = EVENTS_PER_LEARNER + 1;
    const compare = async (lessonOf: ((learner: number, k: number) => string) | null) => {
      const first = nextSeq;
      nextSeq += (FOLLOW_UP_PUSHES + 1) * FOLLOW_UP_EVENTS;
      const bodies = learners.map((l, i) =>
        Array.from({ length: FOLLOW_UP_PUSHES + 1 }, (_, k) =>
          JSON.stringify({
            deviceId: l.deviceId,
            events: eventsFor(l.deviceId, FOLLOW_UP_EVENTS, first + k * FOLLOW_UP_EVENTS, lessonOf?.(i, k)),
          }),
        ),
      );
      // The halves take turns a slice of learners at a time, and go first in turn, so neither gains from its
      // place (a warmer server, a database that has settled) and a burst of other work on the machine, or a
      // checkpoint, falls on both alike. Each round's comparison is printed too. The first round only warms
      // up (it ran up to 15 points above the rest: code the follow-ups reach first, compiled then).
      const noTeam = { seconds: 0, cpu: 0, events: 0 };
      const inTeam = { seconds: 0, cpu: 0, events: 0 };
      const rounds: number[] = [];
      for (let k = 0; k <= FOLLOW_UP_PUSHES; k++) {
        const perEvent = { none: { cpu: 0, events: 0 }, team: { cpu: 0, events: 0 } };
        for (let from = 0, turn = 0; from < learners.length; from += TURN_LEARNERS, turn++) {
          const slice: [number, number] = [from, from + TURN_LEARNERS];
          for (const member of turn % 2 === 0 ? [false, true] : [true, false]) {
            const pushed = await pushHalf(member, (i) => [bodies[i]?.[k] as string], FOLLOW_UP_EVENTS, slice);
            if (k === 0) continue;
            const half = member ? inTeam : noTeam;
            half.seconds += pushed.seconds;
            half.cpu += pushed.cpu;
            half.events += pushed.events;
            const round = perEvent[member ? 'team' : 'none'];
            round.cpu += pushed.cpu;
            round.events += pushed.events;
          }
        }
        if (k > 0)
          rounds.push(perEvent.team.cpu / perEvent.team.events / (perEvent.none.cpu / perEvent.none.events));
      }
      return { noTeam, inTeam, rounds };
    };
    const slot = await compare((i, k) => LESSON_IDS[(i + k) % LESSON_IDS.length] as string);
    const across = await compare(null);
    const followUpEvents = 2 * LEARNERS * (FOLLOW_UP_PUSHES + 1) * FOLLOW_UP_EVENTS;
    if (acked !== total + followUpEvents)
      throw new Error(`only ${acked - total} of ${followUpEvents} follow-up events acked`);
    await stopServerProcess(child);

    const rows: RawRow[] = learners.flatMap((l) =>
      l.events.map((e, i) => ({
        learnerId: l.learnerId,
        event: { ...e, id: randomUUID() },
        seq: 1_000_000 + i,
      })),
    );
    const rawStart = performance.now();
    await target.raw(rows);
    const rawSeconds = (performance.now() - rawStart) / 1000;

    latencies.sort((a, b) => a - b);
    const pushRate = total / pushSeconds;
    const cpuPerEvent = (half: { cpu: number; events: number }) => (half.cpu * 1e6) / half.events;
    const rate = (half: { seconds: number; events: number }) =>
      Math.round(half.events / half.seconds).toLocaleString('en-GB');
    const percentMore = (more: number, than: number) =>
      `${more >= than ? '+' : ''}${((more / than - 1) * 100).toFixed(0)} %`;
    const rawRate = total / rawSeconds;
    console.log(
      [
        `${target.name}${target.name === 'sqlite' ? ` (synchronous=${process.env.SQLITE_SYNCHRONOUS || 'FULL'})` : ''}: ${LEARNERS} learners × ${EVENTS_PER_LEARNER} events; ${CONCURRENCY} pushes, ${PULL_CONCURRENCY} pulls in flight`,
        `  push  ${Math.round(pushRate).toLocaleString('en-GB')} events/s  (${pushSeconds.toFixed(2)} s; server used ${pushCpu.toFixed(2)} CPU s = ${pushCpu > 0 ? Math.round(total / pushCpu).toLocaleString('en-GB') : '?'} events per CPU-second)`,
        ...(
          [
            ['of one lesson', slot],
            ['across lessons', across],
          ] as const
        ).map(
          ([shape, { noTeam, inTeam, rounds }]) =>
            `  then ${FOLLOW_UP_PUSHES} pushes of ${FOLLOW_UP_EVENTS} events ${shape}: in no team ${cpuPerEvent(noTeam).toFixed(0)} µs server CPU an event (${rate(noTeam)} events/s), in a team ${cpuPerEvent(inTeam).toFixed(0)} µs (${rate(inTeam)} events/s) → keeping team progress adds ${percentMore(cpuPerEvent(inTeam), cpuPerEvent(noTeam))} CPU, ${percentMore(inTeam.seconds / inTeam.events, noTeam.seconds / noTeam.events)} time (target ≤ 15 %); each round ${rounds.map((r) => percentMore(r, 1)).join(', ')}`,
        ),
        `  raw   ${Math.round(rawRate).toLocaleString('en-GB')} events/s  (500-row transactions)  → push is ${((pushRate / rawRate) * 100).toFixed(1)} % of raw`,
        `  pull  (one page of ${EVENTS_PER_LEARNER} per learner) p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  (${Math.round(total / pullSeconds).toLocaleString('en-GB')} events/s)`,
      ].join('\n'),
    );
  } finally {
    await stopServerProcess(child);
    await target.cleanup();
  }
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-bench-'));
  const file = path.join(dir, 'pocket-cpd.sqlite');
  return {
    name: 'sqlite',
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    raw: async (rows) => {
      const db = new SqliteDatabase(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const insert = db.prepare(
        'insert into events (learner_id, event_id, seq, device_id, type, lesson_id, at, body, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const batch = db.transaction((chunk: RawRow[]) => {
        const now = Date.now();
        for (const { learnerId, event, seq } of chunk) {
          insert.run(
            learnerId,
            event.id,
            seq,
            event.deviceId,
            event.type,
            event.lessonId,
            event.at,
            canonicalJson(event),
            now,
          );
        }
      });
      for (let i = 0; i < rows.length; i += RAW_BATCH) batch(rows.slice(i, i + RAW_BATCH));
      db.close();
    },
    addToTeam: async (learnerIds) => {
      const db = new SqliteDatabase(file);
      const now = Date.now();
      db.prepare('insert into teams (id, name, created_at) values (?, ?, ?)').run(
        BENCH_TEAM_ID,
        'Bench team',
        now,
      );
      const insert = db.prepare(
        'insert into team_members (team_id, learner_id, team_role, staff_role, joined_at) values (?, ?, ?, ?, ?)',
      );
      db.transaction(() => {
        for (const [i, id] of learnerIds.entries()) {
          insert.run(BENCH_TEAM_ID, id, i === 0 ? 'owner' : 'member', 'teacher', now);
        }
      })();
      db.close();
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const { url: schemaUrl, drop } = await benchSchema(url, 'bench');
  return {
    name: 'postgres',
    env: { DATABASE_URL: schemaUrl },
    raw: async (rows) => {
      const client = new pg.Client({ connectionString: schemaUrl });
      await client.connect();
      for (let i = 0; i < rows.length; i += RAW_BATCH) {
        const chunk = rows.slice(i, i + RAW_BATCH);
        const now = Date.now();
        const values: unknown[] = [];
        const tuples = chunk.map(({ learnerId, event, seq }, j) => {
          values.push(
            learnerId,
            event.id,
            seq,
            event.deviceId,
            event.type,
            event.lessonId,
            event.at,
            canonicalJson(event),
            now,
          );
          return `(${Array.from({ length: 9 }, (_, k) => `$${j * 9 + k + 1}`).join(', ')})`;
        });
        await client.query('begin');
        await client.query(
          `insert into events (learner_id, event_id, seq, device_id, type, lesson_id, at, body, received_at) values ${tuples.join(', ')}`,
          values,
        );
        await client.query('commit');
      }
      await client.end();
    },
    addToTeam: async (learnerIds) => {
      const client = new pg.Client({ connectionString: schemaUrl });
      await client.connect();
      const now = Date.now();
      await client.query('insert into teams (id, name, created_at) values ($1, $2, $3)', [
        BENCH_TEAM_ID,
        'Bench team',
        now,
      ]);
      await client.query(
        `insert into team_members (team_id, learner_id, team_role, staff_role, joined_at)
         select $1, id, case when n = 1 then 'owner' else 'member' end, 'teacher', $2
         from unnest($3::text[]) with ordinality as m(id, n)`,
        [BENCH_TEAM_ID, now, learnerIds],
      );
      await client.end();
    },
    cleanup: drop,
  };
}

async function main(): Promise<void> {
  const course = await courseDist();
  LESSON_IDS = course.catalog.modules.flatMap((m) => m.lessons.map((l) => l.id)).slice(0, 12);
  distDir = course.dir;
  try {
    // BENCH_ONLY=postgres skips the SQLite run (and BENCH_ONLY=sqlite the PostgreSQL one).
    if (process.env.BENCH_ONLY !== 'postgres') await benchTarget(sqliteTarget());
    if (process.env.BENCH_ONLY === 'sqlite') return;
    if (pgUrl) await benchTarget(await postgresTarget(pgUrl));
    else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  } finally {
    course.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
