// Deterministic time for engine tests: timers fire only when the test advances the clock.
import type { Timers } from '../../../src/sync/timers';

export type ManualTimers = Timers & {
  /** Delays of the timers still waiting, in the order they were set. */
  pending: () => number[];
  /** Moves the clock forward, firing due timers in order, and lets their async work settle. */
  advance: (ms: number) => Promise<void>;
};

export function manualTimers(startMs = Date.parse('2026-03-02T09:00:00Z')): ManualTimers {
  let now = startMs;
  let nextId = 1;
  const waiting = new Map<number, { at: number; delay: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      waiting.set(id, { at: now + ms, delay: ms, run });
      return id;
    },
    clearTimeout: (handle) => {
      waiting.delete(handle as number);
    },
    pending: () => [...waiting.values()].map((timer) => timer.delay),
    advance: async (ms) => {
      const until = now + ms;
      for (;;) {
        const due = [...waiting.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        waiting.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}

/** Lets pending promise chains (IndexedDB on fake-indexeddb uses macrotasks) run to the end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
