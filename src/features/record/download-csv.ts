import type { CpdRecord } from '../../shared/cpd-record';
import { recordToCsv } from '../../shared/record-csv';

/**
 * Saves the whole record as a CSV file, made on the device (works offline). The byte order mark lets
 * Excel read the UTF-8 text (names, curly quotes) correctly.
 */
export function downloadCsv(record: CpdRecord, today = new Date()): void {
  const csv = recordToCsv(record);
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `cpd-record-${today.toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
