import type { CpdRecord } from './cpd-record';

export const RECORD_CSV_HEADER = [
  'Type',
  'Date',
  'Module',
  'Lesson',
  // The record page's words, so a manager reading both sees the same columns.
  'Minutes planned',
  'Time spent (minutes)',
  'Details',
  // Confidence rows only: the mean of the module's "I feel confident to …" ratings, 1 to 5.
  'Confidence at the start',
  'Confidence at the end',
  'Confidence change',
] as const;

export type RecordCsvOptions = {
  /** Dates are calendar days where the learner is, not in UTC: a lesson at 00:30 BST is that day's. */
  timeZone?: string;
};

/**
 * The CPD record as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled): a header row, one row per lesson completed, then one per refresher answered, one
 * per reflection and one per module with a confidence rating. Dates are ISO calendar dates (YYYY-MM-DD).
 * Each row has every column; the three confidence columns are filled only on confidence rows, and a stage
 * not yet answered is blank there (as the page's "Not answered" and "Not yet"), never 0.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
 * reflection or title starting with one is prefixed with `'` (OWASP's advice for CSV injection).
 * Excel reads UTF-8 correctly only after a byte order mark: the code that saves the file adds it.
 */
export function recordToCsv(
  record: CpdRecord,
  { timeZone = 'Europe/London' }: RecordCsvOptions = {},
): string {
  const day = isoDay(timeZone);
  const rows: (string | number)[][] = [[...RECORD_CSV_HEADER]];
  for (const l of record.lessons) {
    rows.push([
      'Lesson completed',
      day(l.completedAt),
      l.moduleTitle ?? '',
      l.lessonTitle,
      l.declaredMinutes,
      // Blank, not 0, where nothing was measured: the page says "Not measured" there.
      l.msSpent > 0 ? l.minutesSpent : '',
      '',
    ]);
  }
  for (const r of record.refreshers) {
    rows.push([
      'Refresher',
      day(r.answeredAt),
      r.moduleTitle ?? '',
      r.lessonTitle,
      '',
      '',
      r.correct ? 'Correct' : 'Incorrect',
    ]);
  }
  for (const r of record.reflections) {
    rows.push([
      'Reflection',
      r.updatedAt ? day(r.updatedAt) : '',
      r.moduleTitle ?? '',
      r.lessonTitle,
      '',
      '',
      r.text,
    ]);
  }
  for (const c of record.confidence) {
    rows.push([
      'Confidence',
      day(c.answeredAt),
      c.moduleTitle,
      '',
      '',
      '',
      '',
      oneDecimal(c.before),
      oneDecimal(c.after),
      oneDecimal(c.change),
    ]);
  }
  const width = RECORD_CSV_HEADER.length;
  return rows
    .map((row) => `${[...row, ...Array<string>(width - row.length).fill('')].map(cell).join(',')}\r\n`)
    .join('');
}

/** A number a spreadsheet can add up, to the page's one decimal place; blank where there is none. */
function oneDecimal(value: number | undefined): number | string {
  return value === undefined ? '' : Math.round(value * 10) / 10;
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function isoDay(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (iso) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}
