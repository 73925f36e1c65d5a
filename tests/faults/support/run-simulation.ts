// One seeded run of the fault simulation: learners with several devices each work offline and online
// against the real server app while the network, the devices and the clocks misbehave; then faults stop,
// every device settles, and check-invariants.ts compares what each device and the server hold.
import type { Db } from '../../../server/open-database';
import { makeTestApp } from '../../server/support/test-app';
import { checkInvariants, type InvariantReport } from './check-invariants';
import { createNetworkLog, deliverHeld, type FaultKind } from './fault-transport';
import { seededRandom } from './seeded-random';
import { createSimDevice, NOTE_IDS, type SimDevice } from './sim-device';

export type SimulationOptions = {
  seed: number;
  db: Db;
  steps?: number;
  /** Devices per learner; two learners so isolation is checked too. */
  devices?: [number, number];
  faultRate?: number;
  /**
   * A second handle on the same database: a second server app is built on it and the devices' requests
   * alternate between the two, as behind a load balancer in front of two server processes.
   */
  secondDb?: Db;
};

export type SimulationReport = InvariantReport & {
  seed: number;
  steps: number;
  faults: Record<FaultKind, number>;
  injected: number;
  kills: number;
  sessionsEnded: number;
  settlePasses: number;
};

const DAY = 24 * 60 * 60 * 1000;
const SESSION_TTL_MS = 6 * 60 * 60 * 1000;

export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const { seed, db } = options;
  const steps = options.steps ?? 120;
  const random = seededRandom(seed);
  const t = makeTestApp(db, { sessionTtlMs: SESSION_TTL_MS, logLevel: 'warn' });
  const second = options.secondDb
    ? makeTestApp(options.secondDb, { sessionTtlMs: SESSION_TTL_MS, logLevel: 'warn' })
    : undefined;
  let requests = 0;
  const server = {
    request: (path: string, init: RequestInit) => {
      requests += 1;
      if (!second || requests % 2 === 0) return t.app.request(path, init);
      second.clock.now = t.clock.now;
      return second.app.request(path, init);
    },
  };
  const log = createNetworkLog();
  const learners = [0, 1].map((i) => ({
    email: `sim-${seed}-${i}@example.org`,
    password: `seeded password ${seed}-${i}`,
  }));
  for (const [i, learner] of learners.entries()) {
    const res = await t.call('POST', '/api/v1/accounts', { body: { ...learner, name: `Learner ${i}` } });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  }

  const counts = options.devices ?? [3, 2];
  const devices: SimDevice[] = learners.flatMap((credentials, l) =>
    Array.from({ length: counts[l] ?? 1 }, (_, d) =>
      createSimDevice({
        name: `L${l}D${d}`,
        credentials,
        // Clocks up to a day fast or slow, within the server's 24 h allowance for `at`.
        skewMs: random.int(-DAY + 60_000, DAY - 60_000) * (random.chance(0.3) ? 1 : 0),
        worldNow: () => t.clock.now,
        server,
        random,
        log,
      }),
    ),
  );
  const owner = (device: SimDevice) => learners.indexOf(device.credentials as (typeof learners)[number]);
  const rate = options.faultRate ?? 0.3;
  for (const device of devices) device.transport.setFaultRate(rate);
  let sessionsEnded = 0;
  const start = t.clock.now;

  const advance = (ms: number) => {
    t.clock.now += ms;
    for (const device of devices) device.fireTimers();
  };

  // The last steps taken, to say where a failure happened when it is replayed from its seed.
  const trace: string[] = [];
  const note = (line: string) => {
    trace.push(line);
    if (trace.length > 12) trace.shift();
  };
  try {
    await runSteps();
  } catch (error) {
    throw new Error(`${String(error)} (${(error as Error).name}) after steps:\n  ${trace.join('\n  ')}`, {
      cause: error,
    });
  }

  async function runSteps(): Promise<void> {
    for (let step = 0; step < steps; step += 1) {
      advance(
        random.pick([0, random.int(1, 2_000), random.int(1_000, 5 * 60_000), random.int(1, 90) * 60_000]),
      );
      const device = random.pick(devices);
      const roll = random.next();
      note(`step ${step} at +${t.clock.now - start} ms: ${device.name} roll ${roll.toFixed(3)}`);
      if (roll < 0.3) await device.record(random.int(1, 6));
      else if (roll < 0.42) await device.editNote(random.pick(NOTE_IDS));
      else if (roll < 0.6) void device.syncNow();
      else if (roll < 0.66) {
        // Several devices sync at the same moment: pushes and pulls of one learner interleave on the server.
        for (const each of devices) if (random.chance(0.6)) void each.syncNow();
      } else if (roll < 0.72) device.kill();
      else if (roll < 0.82) {
        const session = await device
          .store()
          .getSession()
          .catch(() => undefined);
        if (!session?.token) await device.signIn();
      } else if (roll < 0.87) await device.resolveConflicts();
      else if (roll < 0.89) {
        // Signed out everywhere (or the server revoked every session): each device meets a 401.
        const res = await t.call('POST', '/api/v1/sessions', { body: learners[owner(device)] });
        const { token } = (await res.json()) as { token: string };
        await t.call('DELETE', '/api/v1/sessions', { token });
        sessionsEnded += 1;
      } else if (roll < 0.93) await deliverHeld(server, log, random);
      // Most steps wait for the rounds they started; some leave them running into the next step.
      if (random.chance(0.7)) for (const each of devices) await each.settled();
    }
  }

  // Faults stop. Late copies still in the network arrive, then every device settles.
  for (const device of devices) await device.settled();
  for (const device of devices) device.transport.setFaultRate(0);
  await deliverHeld(server, log, random);
  let settlePasses = 0;
  for (let quiet = 0; quiet < 2 && settlePasses < 40; settlePasses += 1) {
    advance(2 * 60_000);
    let changed = false;
    for (const device of devices) {
      const session = await device.store().getSession();
      if (!session?.token) changed = (await device.signIn()) || changed;
      await device.syncNow();
      await device.settled();
      changed = (await device.resolveConflicts()) > 0 || changed;
      const status = device.engine().status.get();
      if (status.waiting > 0 || status.conflicts > 0 || status.state !== 'idle') changed = true;
    }
    quiet = changed ? 0 : quiet + 1;
  }

  const report = await checkInvariants({
    db,
    learnerEmails: learners.map((l) => l.email),
    devices: devices.map((device) => ({ device, learner: owner(device) })),
    acknowledged: log.acknowledged,
  });
  const injected = Object.values(log.faults).reduce((sum, n) => sum + n, 0);
  return {
    ...report,
    seed,
    steps,
    faults: log.faults,
    injected,
    kills: devices.reduce((sum, d) => sum + d.kills, 0),
    sessionsEnded,
    settlePasses,
  };
}
