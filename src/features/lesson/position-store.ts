// Reads and writes the reading position doc (`position:<lessonId>` in `docs`, synced like other docs).
// A write stamps the position with a hybrid logical clock past every position it knows, so positions from
// two devices order causally (last writer wins). When sync kept another device's position as a conflict
// copy, the next write settles it: there is nothing for the learner to choose between. A failed write
// (quota exceeded) is reported and the previous position stays.
import { docsRepo } from '../../db/docs-repo';
import { metaRepo } from '../../db/meta-repo';
import { writeErrors } from '../../lib/stores/write-errors';
import { formatHlc, parseHlc, tickHlc } from '../../shared/progress/hlc';
import { latestPosition, parsePosition, positionDocId, type ReadingPosition } from './reading-position';

export const positionStore = {
  async load(lessonId: string): Promise<ReadingPosition | null> {
    const row = await docsRepo.get(positionDocId(lessonId));
    return latestPosition(parsePosition(row?.body), parsePosition(row?.conflict?.body));
  },

  async save(lessonId: string, sectionId: string, index: number, now = new Date()): Promise<boolean> {
    return writeErrors.run(async () => {
      const id = positionDocId(lessonId);
      const row = await docsRepo.get(id);
      const deviceId = (await metaRepo.get('deviceId')) ?? 'local';
      const known = [
        await metaRepo.get('hlc'),
        parsePosition(row?.body)?.hlc,
        parsePosition(row?.conflict?.body)?.hlc,
      ].filter((hlc): hlc is string => Boolean(hlc));
      const last = known.sort().at(-1);
      // Read, not advanced: the events repository owns the clock in `meta`; a tick past the last value is
      // still later than every event and position this device has seen.
      const hlc = formatHlc(tickHlc(last ? parseHlc(last) : null, now.getTime(), deviceId));
      const body: ReadingPosition = { sectionId, index, hlc, deviceId, updatedAt: now.toISOString() };
      if (row?.conflict) await docsRepo.resolveConflict(id, body, now);
      else await docsRepo.put(id, body, now);
    });
  },
};
