// Reads and writes the reading position doc (`position:<lessonId>` in `docs`, synced like other docs).
// A write stamps the position with the device's hybrid logical clock, so positions from two devices
// order causally. A failed write (quota exceeded) is reported and the previous position stays.
import { docsRepo } from '../../db/docs-repo';
import { metaRepo } from '../../db/meta-repo';
import { writeErrors } from '../../lib/write-errors';
import { formatHlc, parseHlc, tickHlc } from '../../shared/hlc';
import { latestPosition, parsePosition, positionDocId, type ReadingPosition } from './reading-position';

export const positionStore = {
  async load(lessonId: string): Promise<ReadingPosition | null> {
    const row = await docsRepo.get(positionDocId(lessonId));
    return latestPosition(parsePosition(row?.body), parsePosition(row?.conflict?.body));
  },

  async save(lessonId: string, sectionId: string, index: number, now = new Date()): Promise<boolean> {
    return writeErrors.run(async () => {
      const deviceId = (await metaRepo.get<string>('deviceId')) ?? 'local';
      const last = await metaRepo.get<string>('hlc');
      // Read, not advanced: the events repository owns the counter; a tick past the last issued value is
      // still later than every event and position this device has seen.
      const hlc = formatHlc(tickHlc(last ? parseHlc(last) : null, now.getTime(), deviceId));
      const body: ReadingPosition = { sectionId, index, hlc, deviceId, updatedAt: now.toISOString() };
      await docsRepo.put(positionDocId(lessonId), body, now);
    });
  },
};
