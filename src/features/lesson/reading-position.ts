// The reading position of a lesson, kept as the doc `position:<lessonId>` (DESIGN.md §5): where the
// learner was reading, last writer wins by (hlc, deviceId). The furthest section reached is not here:
// it comes from `section-reached` events through the progress fold, so scrolling back never lowers it.

export type ReadingPosition = {
  sectionId: string;
  index: number;
  /** Hybrid logical clock of the write: orders positions from several devices. */
  hlc: string;
  deviceId: string;
  updatedAt: string;
};

export const positionDocId = (lessonId: string): string => `position:${lessonId}`;

/** A position doc body, or null when it is not one this version can use. */
export function parsePosition(body: Record<string, unknown> | undefined): ReadingPosition | null {
  if (!body) return null;
  const { sectionId, index, hlc, deviceId, updatedAt } = body;
  if (typeof sectionId !== 'string' || typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    return null;
  }
  return {
    sectionId,
    index,
    hlc: typeof hlc === 'string' ? hlc : '',
    deviceId: typeof deviceId === 'string' ? deviceId : '',
    updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
  };
}

/**
 * The later of two positions by (hlc, deviceId). A doc the server held while this device wrote its own
 * is kept as a conflict copy (doc-merge.ts); for positions there is nothing for the learner to resolve,
 * so the reader takes the later one.
 */
export function latestPosition(a: ReadingPosition | null, b: ReadingPosition | null): ReadingPosition | null {
  if (!a || !b) return a ?? b;
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? a : b;
  return a.deviceId >= b.deviceId ? a : b;
}
