// Small, readable rows for sync tests.
import type { DocRow, EventRow } from '../../../src/db/db';

export const DEVICE = '00000000-0000-4000-8000-0000000000d1';

export function eventRow(seq: number, overrides: Partial<EventRow> = {}): EventRow {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    deviceId: DEVICE,
    deviceSeq: seq,
    at: '2026-03-02T09:00:00.000Z',
    hlc: `001772441600000:${String(seq).padStart(5, '0')}:${DEVICE}`,
    type: 'lesson-opened',
    lessonId: 'what-sen-means',
    payload: {},
    synced: 0,
    ...overrides,
  } as EventRow;
}

export function docRow(id: string, overrides: Partial<DocRow> = {}): DocRow {
  return {
    id,
    body: { text: `note ${id}` },
    rev: 0,
    dirty: 1,
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}
