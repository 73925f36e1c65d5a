// Teams benchmark: a trust of 60 settings × 80 staff (one setting of 300), each member of staff with the
// whole course's events (opened, a check answered, time spent, completed, per lesson) or part of it,
// written straight into the database in bulk, with the progress rows a push would have kept (folded with
// the server's own foldModuleProgress). Then, over HTTP to a real server process: one team's dashboard
// (300 staff) and the trust lead's overview of all 60 teams, p50 and p95.
// `npm run bench:teams` (SQLite); BENCH_DATABASE_URL or TEST_DATABASE_URL (or --pg with one) adds PostgreSQL.
// Targets (issue "Teams"): dashboard p95 ≤ 100 ms, overview p95 ≤ 300 ms.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { canonicalJson } from '../server/canonical-json';
import { hashSessionToken, newSessionToken } from '../server/session-tokens';
import { courseIndex } from '../server/teams/course-index';
import { foldModuleProgress } from '../server/teams/fold-module-progress';
import type { Catalog } from '../src/shared/content/content-types';
import type { LearnerEvent } from '../src/shared/progress/events';
import { formatHlc } from '../src/shared/progress/hlc';
import type { TeamDashboard, TrustOverview } from '../src/shared/protocol/team-protocol';
import { courseDist } from './support/course-dist';
import {
  benchSchema,
  cpuSeconds,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from './support/server-process';

const SETTINGS = Number(process.env.BENCH_TEAMS_SETTINGS ?? 60);
const STAFF = Number(process.env.BENCH_TEAMS_STAFF ?? 80);
const BIG_TEAM = Number(process.env.BENCH_TEAMS_BIG ?? 300);
const DASHBOARD_RUNS = 100;
const OVERVIEW_RUNS = 40;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const STAFF_ROLES = ['ta', 'teacher', 'early-years', 'support'] as const;
const DAY = 86_400_000;

type Column = { name: string; pgType: 'text' | 'bigint' | 'int' };
type Inserter = (table: string, columns: Column[], rows: unknown[][]) => Promise<void>;
type Target = {
  name: 'sqlite' | 'postgres';
  env: Record<string, string>;
  open: () => Promise<{ insert: Inserter; close: () => Promise<void> }>;
  cleanup: () => Promise<void>;
};

const col = (name: string, pgType: Column['pgType'] = 'text'): Column => ({ name, pgType });

/** How far through the course (in lessons) learner `i` is: most finished, some part-way, some not begun. */
function lessonsDone(i: number, total: number): number {
  const r = (i * 2_654_435_761) % 100;
  if (r < 60) return total;
  if (r < 85) return 1 + (r % (total - 1));
  return 0;
}

/** One learner's events for the first `done` lessons of the course, a lesson every two days. */
function courseEvents(catalog: Catalog, done: number, deviceId: string, start: number): LearnerEvent[] {
  const lessons = catalog.modules.flatMap((m) => m.lessons);
  const events: LearnerEvent[] = [];
  let seq = 0;
  lessons.slice(0, done).forEach((lesson, n) => {
    const at = (k: number) => start + n * 2 * DAY + k * 60_000;
    const base = (k: number) => ({
      id: randomUUID(),
      deviceId,
      deviceSeq: ++seq,
      at: new Date(at(k)).toISOString(),
      hlc: formatHlc({ wall: at(k), counter: 0, node: deviceId.slice(0, 8) }),
      lessonId: lesson.id,
    });
    events.push({ ...base(0), type: 'lesson-opened', payload: {} });
    events.push({
      ...base(3),
      type: 'check-answered',
      payload: { checkId: 'check-1', optionIds: ['a'], correct: true },
    });
    events.push({ ...base(9), type: 'time-spent', payload: { intervalId: randomUUID(), ms: 540_000 } });
    events.push({ ...base(10), type: 'lesson-completed', payload: {} });
  });
  return events;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function seed(
  target: Target,
  catalog: Catalog,
): Promise<{ token: string; bigTeamId: string; events: number }> {
  const { insert, close } = await target.open();
  const course = courseIndex(catalog);
  const now = Date.now();
  const start = now - 200 * DAY;
  const lessonsTotal = catalog.modules.reduce((sum, m) => sum + m.lessons.length, 0);
  // Progress depends only on how far a learner is (every learner's timeline is the same): fold once each.
  const rowsFor = new Map<number, ReturnType<typeof foldModuleProgress>>();
  const lead = { id: randomUUID(), token: newSessionToken() };
  const learners: unknown[][] = [[lead.id, `lead@trust.example`, 'Trust Lead', 'x', now]];
  const teams: unknown[][] = [];
  const members: unknown[][] = [];
  const assignments: unknown[][] = [];
  const progress: unknown[][] = [];
  let eventCount = 0;
  let eventBatch: unknown[][] = [];
  const eventColumns = [
    col('learner_id'),
    col('event_id'),
    col('seq', 'bigint'),
    col('device_id'),
    col('type'),
    col('lesson_id'),
    col('at'),
    col('body'),
    col('received_at', 'bigint'),
  ];
  const pathway = (role: string) => catalog.pathways.find((p) => p.role === role);
  let bigTeamId = '';
  let learnerNo = 0;
  const learnerRows: unknown[][] = [];
  for (let s = 0; s < SETTINGS; s++) {
    const teamId = randomUUID();
    if (s === 0) bigTeamId = teamId;
    teams.push([teamId, `Setting ${s + 1}`, now]);
    members.push([teamId, lead.id, 'owner', 'leader', now]);
    const foundations = catalog.modules[0];
    const ta = pathway('ta');
    if (foundations) {
      assignments.push([
        randomUUID(),
        teamId,
        foundations.title,
        JSON.stringify({ kind: 'module', moduleId: foundations.id }),
        'everyone',
        JSON.stringify([foundations.id]),
        new Date(now - 30 * DAY).toISOString().slice(0, 10),
        now,
      ]);
    }
    if (ta) {
      assignments.push([
        randomUUID(),
        teamId,
        ta.title,
        JSON.stringify({ kind: 'pathway', role: 'ta' }),
        'ta',
        JSON.stringify(ta.modules.filter((id) => course.modules.has(id))),
        new Date(now + 60 * DAY).toISOString().slice(0, 10),
        now + 1,
      ]);
    }
    const size = s === 0 ? BIG_TEAM : STAFF;
    for (let i = 0; i < size; i++) {
      const id = randomUUID();
      const n = learnerNo++;
      const done = lessonsDone(n, lessonsTotal);
      const deviceId = randomUUID();
      const events = courseEvents(catalog, done, deviceId, start);
      learnerRows.push([id, `staff${n}@setting${s}.example`, `Staff ${n}`, 'x', now, events.length]);
      members.push([teamId, id, 'member', STAFF_ROLES[n % STAFF_ROLES.length], now]);
      events.forEach((e, k) => {
        eventBatch.push([id, e.id, k + 1, deviceId, e.type, e.lessonId, e.at, canonicalJson(e), now]);
      });
      eventCount += events.length;
      let folded = rowsFor.get(done);
      if (!folded) {
        folded = foldModuleProgress(events, course, course.modules.keys());
        rowsFor.set(done, folded);
      }
      for (const row of folded.values()) {
        if (!row) continue;
        progress.push([
          id,
          row.moduleId,
          row.lessonsCompleted,
          row.lessonsTotal,
          row.completedAt,
          row.msSpent,
          JSON.stringify(row.lessons),
          JSON.stringify(row.refreshers),
        ]);
      }
      if (learnerRows.length >= 200) {
        await flushLearners();
      }
    }
  }
  await flushLearners();
  await insert(
    'learners',
    [col('id'), col('email'), col('name'), col('password_hash'), col('created_at', 'bigint')],
    learners,
  );
  await insert(
    'sessions',
    [col('token_hash'), col('learner_id'), col('created_at', 'bigint'), col('expires_at', 'bigint')],
    [[hashSessionToken(lead.token), lead.id, now, now + 30 * DAY]],
  );
  await insert('teams', [col('id'), col('name'), col('created_at', 'bigint')], teams);
  await insert(
    'team_members',
    [col('team_id'), col('learner_id'), col('team_role'), col('staff_role'), col('joined_at', 'bigint')],
    members,
  );
  await insert(
    'team_assignments',
    [
      col('id'),
      col('team_id'),
      col('title'),
      col('target'),
      col('group_name'),
      col('module_ids'),
      col('due_on'),
      col('created_at', 'bigint'),
    ],
    assignments,
  );
  await insert(
    'team_assignment_modules',
    [col('assignment_id'), col('module_id')],
    assignments.flatMap(([id, , , , , moduleIds]) =>
      [...new Set(JSON.parse(String(moduleIds)) as string[])].map((moduleId) => [id, moduleId]),
    ),
  );
  for (let i = 0; i < progress.length; i += 5000) {
    await insert(
      'module_progress',
      [
        col('learner_id'),
        col('module_id'),
        col('lessons_completed', 'int'),
        col('lessons_total', 'int'),
        col('completed_at'),
        col('ms_spent', 'bigint'),
        col('lessons'),
        col('refreshers'),
      ],
      progress.slice(i, i + 5000),
    );
  }
  await close();
  return { token: lead.token, bigTeamId, events: eventCount };

  // Learners go in before their events (foreign key); events in chunks so memory stays flat.
  async function flushLearners(): Promise<void> {
    if (learnerRows.length > 0) {
      await insert(
        'learners',
        [
          col('id'),
          col('email'),
          col('name'),
          col('password_hash'),
          col('created_at', 'bigint'),
          col('event_seq', 'bigint'),
        ],
        learnerRows.splice(0),
      );
    }
    for (let i = 0; i < eventBatch.length; i += 5000)
      await insert('events', eventColumns, eventBatch.slice(i, i + 5000));
    eventBatch = [];
  }
}

/**
 * p50 and p95 of `runs` requests one after another (after 5 to warm up), the server's CPU per request, and
 * the last answer (what a leader would see, to report its size).
 */
async function timeGets<T>(
  server: ServerProcess,
  url: string,
  token: string,
  runs: number,
): Promise<{ p50: number; p95: number; bytes: number; cpuMs: number; body: T }> {
  const times: number[] = [];
  let text = '';
  let cpuStart = 0;
  for (let i = 0; i < runs + 5; i++) {
    if (i === 5) cpuStart = cpuSeconds(server.child.pid);
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    text = await res.text();
    if (!res.ok) throw new Error(`${url} → ${res.status} ${text}`);
    if (i >= 5) times.push(performance.now() - t);
  }
  const cpuMs = ((cpuSeconds(server.child.pid) - cpuStart) * 1000) / runs;
  times.sort((a, b) => a - b);
  const body = JSON.parse(text) as T;
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes: text.length, cpuMs, body };
}

async function benchTarget(target: Target, catalog: Catalog, distDir: string): Promise<void> {
  let server: ServerProcess | undefined;
  try {
    // The server makes the tables (its migrations), then stops while the trust is written in bulk.
    server = await startServerProcess({ ...target.env, DIST_DIR: distDir });
    await stopServerProcess(server.child);
    const seedStart = performance.now();
    const { token, bigTeamId, events } = await seed(target, catalog);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    server = await startServerProcess({ ...target.env, DIST_DIR: distDir });
    const dash = await timeGets<TeamDashboard>(
      server,
      `${server.base}/api/v1/teams/${bigTeamId}/dashboard`,
      token,
      DASHBOARD_RUNS,
    );
    const over = await timeGets<TrustOverview>(
      server,
      `${server.base}/api/v1/teams/overview`,
      token,
      OVERVIEW_RUNS,
    );
    const dashboard = dash.body;
    const overview = over.body;
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const staff = (SETTINGS - 1) * STAFF + BIG_TEAM;
    console.log(
      [
        `${target.name}: ${SETTINGS} settings, ${staff.toLocaleString('en-GB')} staff, ${events.toLocaleString('en-GB')} events (seeded in ${seedSeconds.toFixed(1)} s); load average ${load}`,
        `  dashboard (${dashboard.members.length} members, ${dashboard.assignments.length} assignments, ${Math.round(dash.bytes / 1024)} KB)  p50 ${dash.p50.toFixed(1)} ms  p95 ${dash.p95.toFixed(1)} ms  (target ≤ 100 ms); server CPU ${dash.cpuMs.toFixed(1)} ms a request`,
        `  overview  (${overview.teams.length} teams, ${Math.round(over.bytes / 1024)} KB)  p50 ${over.p50.toFixed(1)} ms  p95 ${over.p95.toFixed(1)} ms  (target ≤ 300 ms); server CPU ${over.cpuMs.toFixed(1)} ms a request`,
      ].join('\n'),
    );
  } finally {
    if (server) await stopServerProcess(server.child);
    await target.cleanup();
  }
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), 'teams-bench-'));
  const file = path.join(dir, 'pocket-cpd.sqlite');
  return {
    name: 'sqlite',
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    open: async () => {
      const raw = new SqliteDatabase(file);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      const statements = new Map<string, SqliteDatabase.Statement>();
      return {
        insert: async (table, columns, rows) => {
          const key = `${table}:${columns.length}`;
          let statement = statements.get(key);
          if (!statement) {
            statement = raw.prepare(
              `insert into ${table} (${columns.map((c) => c.name).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
            );
            statements.set(key, statement);
          }
          const run = statement;
          raw.transaction(() => {
            for (const row of rows) run.run(...row);
          })();
        },
        close: async () => {
          raw.pragma('wal_checkpoint(TRUNCATE)');
          raw.close();
        },
      };
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const { url: schemaUrl, drop } = await benchSchema(url, 'teams_bench');
  return {
    name: 'postgres',
    env: { DATABASE_URL: schemaUrl },
    open: async () => {
      const client = new pg.Client({ connectionString: schemaUrl });
      await client.connect();
      return {
        // One statement per chunk: each column an array, unnested into rows.
        insert: async (table, columns, rows) => {
          const arrays = columns.map((_, k) => rows.map((row) => row[k]));
          const selects = columns.map((c, k) => `$${k + 1}::${c.pgType}[]`).join(', ');
          await client.query(
            `insert into ${table} (${columns.map((c) => c.name).join(', ')}) select * from unnest(${selects})`,
            arrays,
          );
        },
        close: async () => {
          await client.query('analyze');
          await client.end();
        },
      };
    },
    cleanup: drop,
  };
}

async function main(): Promise<void> {
  const course = await courseDist();
  try {
    if (process.env.BENCH_ONLY !== 'postgres') await benchTarget(sqliteTarget(), course.catalog, course.dir);
    if (process.env.BENCH_ONLY === 'sqlite') return;
    if (pgUrl) await benchTarget(await postgresTarget(pgUrl), course.catalog, course.dir);
    else if (process.argv.includes('--pg'))
      throw new Error('--pg needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
    else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  } finally {
    course.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
