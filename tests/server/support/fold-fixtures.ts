// For the fold's table tests (fold-module-on, progress-on): seeded learner histories of the test catalogue's
// lessons and one outside it, with every kind of event the fold reads and voids of earlier completions; and
// what a leader's screens read of a row.
import type { ModuleProgressRow } from '../../../server/teams/fold-module-progress';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { formatHlc } from '../../../src/shared/progress/hlc';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const LESSONS = ['f1', 'f2', 'a1', 'x1', 'not-in-course'];

/** A seeded history of every kind of event the fold reads, an hour apart, in hlc order. */
export function history(seed: number, length: number): LearnerEvent[] {
  let a = seed;
  const next = () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648;
    return a / 2_147_483_648;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const completions: string[] = [];
  return Array.from({ length }, (_, i): LearnerEvent => {
    const wall = T0 - 30 * DAY + i * 3_600_000;
    const base = {
      id: `e${seed}-${String(i).padStart(4, '0')}`,
      deviceId: 'device-1',
      deviceSeq: i + 1,
      at: new Date(wall).toISOString(),
      hlc: formatHlc({ wall, counter: 0, node: 'device1' }),
      lessonId: pick(LESSONS),
    };
    const kind = next();
    if (kind < 0.15) return { ...base, type: 'lesson-opened', payload: {} };
    if (kind < 0.3) {
      completions.push(base.id);
      return { ...base, type: 'lesson-completed', payload: {} };
    }
    if (kind < 0.5) {
      const payload = { intervalId: `i${Math.floor(next() * 8)}`, ms: Math.floor(next() * 600_000) };
      return { ...base, type: 'time-spent', payload };
    }
    if (kind < 0.65) {
      const payload = { checkId: pick(['c1', 'c2']), optionIds: ['o1'], correct: next() < 0.7 };
      return { ...base, type: 'check-answered', payload };
    }
    if (kind < 0.75) {
      const payload = { checkId: pick(['c1', 'c2']), optionIds: ['o1'], correct: next() < 0.6 };
      return { ...base, type: 'refresher-answered', payload };
    }
    if (kind < 0.82) return { ...base, type: 'section-reached', payload: { sectionId: 's1', index: 2 } };
    if (kind < 0.9 && completions.length > 0) {
      return { ...base, type: 'voided', payload: { eventId: pick(completions) } };
    }
    return { ...base, type: 'lesson-opened', payload: {} };
  });
}

/** What a leader's screens read of a row: everything but the state it was folded from. */
export const shown = (row: ModuleProgressRow | null | undefined) => {
  if (!row) return row;
  const { state: _state, ...rest } = row;
  return rest;
};
