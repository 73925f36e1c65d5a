import { saveFile } from '../../lib/browser/save-file';
import type { CpdRecord } from '../../shared/progress/cpd-record';
import { recordToCsv } from '../../shared/progress/record-csv';

/**
 * Saves the record as a CSV file, made on the device (works offline), with the learner's reflection notes
 * only when they chose to include them. The byte order mark lets Excel read the UTF-8 text (names, curly
 * quotes) correctly.
 */
export function downloadCsv(
  record: CpdRecord,
  { includeReflections }: { includeReflections: boolean },
  today = new Date(),
): void {
  const csv = recordToCsv(record, { includeReflections });
  saveFile(
    new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
    `cpd-record-${today.toISOString().slice(0, 10)}.csv`,
  );
}
