import { describe, expect, it } from 'vitest';
import { buildCpdRecord } from '../../../src/shared/progress/cpd-record';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { confidenceChange, foldConfidence } from '../../../src/shared/progress/module-confidence';
import { foldProgress } from '../../../src/shared/progress/progress';

const DEVICE = '00000000-0000-4000-8000-000000000001';
const S1 = 'I feel confident to plan';
const S2 = 'I feel confident to talk';

function rated(n: number, stage: 'before' | 'after', ratings: number[], moduleId = 'm'): LearnerEvent {
  const wall = Date.UTC(2026, 10, 28, 9, 0, n);
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceId: DEVICE,
    deviceSeq: n,
    at: new Date(wall).toISOString(),
    hlc: `${String(wall).padStart(15, '0')}:00000:${DEVICE}`,
    type: 'confidence-rated',
    lessonId: `${moduleId}-one`,
    payload: { moduleId, stage, ratings: ratings.map((rating, i) => ({ statement: i ? S2 : S1, rating })) },
  };
}

function voided(n: number, eventId: string): LearnerEvent {
  const event = rated(n, 'before', [1]);
  return { ...event, type: 'voided', payload: { eventId } } as LearnerEvent;
}

describe('foldConfidence', () => {
  it('keeps the latest answer per stage, whatever order the events arrive in', () => {
    const events = [rated(3, 'before', [4, 4]), rated(1, 'before', [1, 2]), rated(5, 'after', [5, 4])];
    const c = foldConfidence(events).get('m');
    expect(c?.before?.mean).toBe(4);
    expect(c?.after?.mean).toBe(4.5);
    expect(c && confidenceChange(c)).toBe(0.5);
  });

  it('ignores voided answers and counts a duplicate once', () => {
    const before = rated(1, 'before', [2, 3]);
    const later = rated(2, 'before', [5, 5]);
    const c = foldConfidence([before, before, later, voided(3, later.id)]).get('m');
    expect(c?.before?.mean).toBe(2.5);
    expect(c?.after).toBeUndefined();
    expect(c && confidenceChange(c)).toBeUndefined();
  });

  it('is not lesson progress: a rating does not make its lesson look opened', () => {
    expect(foldProgress([rated(1, 'before', [3])]).size).toBe(0);
  });
});

describe('the CPD record', () => {
  it('lists each module rated, with the change once both stages are answered', () => {
    const record = buildCpdRecord({
      events: [rated(1, 'before', [2, 2]), rated(2, 'after', [4, 3]), rated(3, 'before', [3], 'gone')],
      catalog: null,
      notes: [],
    });
    expect(record.confidence).toEqual([
      {
        moduleId: 'm',
        moduleTitle: 'm',
        before: 2,
        after: 3.5,
        change: 1.5,
        answeredAt: '2026-11-28T09:00:02.000Z',
      },
      { moduleId: 'gone', moduleTitle: 'gone', before: 3, answeredAt: '2026-11-28T09:00:03.000Z' },
    ]);
  });
});
