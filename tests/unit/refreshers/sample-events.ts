// Builds learner events at given wall times, with hlc strings that sort in the order the events are made
// (unless a test passes its own hlc to model another device's clock).
import type { EventOf, EventType, LearnerEvent, PayloadOf } from '../../../src/shared/progress/events';

export const DEVICE = '00000000-0000-4000-8000-0000000000d1';
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

let seq = 0;

export function makeEvent<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  { lessonId = 'l1', at = T0, hlcMs }: { lessonId?: string; at?: number; hlcMs?: number } = {},
): EventOf<T> {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    deviceId: DEVICE,
    deviceSeq: seq,
    at: new Date(at).toISOString(),
    hlc: `${String(hlcMs ?? at).padStart(15, '0')}:${String(seq).padStart(5, '0')}:${DEVICE}`,
    type,
    lessonId,
    payload,
  } as LearnerEvent as EventOf<T>;
}

export const answer = (checkId: string, correct: boolean, at: number, lessonId = 'l1') =>
  makeEvent(
    'check-answered',
    { checkId, optionIds: [correct ? 'right' : 'wrong'], correct },
    { lessonId, at },
  );

export const refresher = (checkId: string, correct: boolean, at: number, lessonId = 'l1') =>
  makeEvent(
    'refresher-answered',
    { checkId, optionIds: [correct ? 'right' : 'wrong'], correct },
    { lessonId, at },
  );

export const completed = (at: number, lessonId = 'l1') => makeEvent('lesson-completed', {}, { lessonId, at });

export const voids = (event: LearnerEvent, at: number) =>
  makeEvent('voided', { eventId: event.id }, { lessonId: event.lessonId, at });

/** A facilitated session that ran `checks` (in lesson l1 unless given as `lesson/check`) as polls. */
export const attended = (checks: string[], at: number) =>
  makeEvent(
    'session-attended',
    {
      sessionId: 'session-1',
      moduleId: 'm1',
      lessonIds: ['l1'],
      checks: checks.map((c) => {
        const [lessonId, checkId] = c.includes('/') ? c.split('/') : ['l1', c];
        return { lessonId: lessonId ?? 'l1', checkId: checkId ?? c };
      }),
      minutes: 20,
    },
    { at },
  );

export const days = (n: number) => T0 + n * DAY;
