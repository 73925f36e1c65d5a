import type { ReflectLog } from '../content/content-types';
import type { CpdLesson, CpdRecord, CpdReflection, CpdSession } from './cpd-record';

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
  // The columns staff CPD logs ask for. "What I did" is made from the record; the other two are only ever
  // the learner's own notes, to the prompts the course tags as asking that (`:::reflect{log=…}`).
  'What I did',
  'What I will change',
  'Evidence of impact',
] as const;

export type RecordCsvOptions = {
  /** Dates are calendar days where the learner is, not in UTC: a lesson at 00:30 BST is that day's. */
  timeZone?: string;
  /**
   * The learner's choice to put their reflection notes in the file. Off (the default), no note's text is
   * anywhere in it: notes are private until their writer decides to show them (docs/learning-features.md).
   */
  includeReflections?: boolean;
};

const LOG_COLUMN = {
  change: 'What I will change',
  impact: 'Evidence of impact',
} as const satisfies Record<ReflectLog, (typeof RECORD_CSV_HEADER)[number]>;

/**
 * The CPD record as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled): a header row, one row per lesson completed, then one per refresher answered, one
 * per reflection (only with `includeReflections`), one per facilitated session attended and one per module
 * with a confidence rating. Dates are ISO calendar dates (YYYY-MM-DD).
 * Each row has every column; the three confidence columns are filled only on confidence rows, and a stage
 * not yet answered is blank there (as the page's "Not answered" and "Not yet"), never 0.
 *
 * For a staff CPD log, lesson and session rows say what the learner did. With `includeReflections`, a
 * lesson row also carries the learner's notes to that lesson's tagged prompts under "What I will change"
 * and "Evidence of impact"; a session row carries them for the session's lessons not completed alone, so
 * each note fills one activity row at most. Untagged notes are only ever in their own Reflection row.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
 * reflection or title starting with one is prefixed with `'` (OWASP's advice for CSV injection).
 * Excel reads UTF-8 correctly only after a byte order mark: the code that saves the file adds it.
 */
export function recordToCsv(
  record: CpdRecord,
  { timeZone = 'Europe/London', includeReflections = false }: RecordCsvOptions = {},
): string {
  const day = isoDay(timeZone);
  const logged = loggedNotes(includeReflections ? record.reflections : []);
  const claimed = new Set(record.lessons.map((l) => l.lessonId));
  const rows: RecordCsvRow[] = [];
  for (const l of record.lessons) {
    rows.push({
      Type: 'Lesson completed',
      Date: day(l.completedAt),
      Module: l.moduleTitle ?? '',
      Lesson: l.lessonTitle,
      'Minutes planned': l.declaredMinutes,
      // Blank, not 0, where nothing was measured: the page says "Not measured" there.
      'Time spent (minutes)': l.msSpent > 0 ? l.minutesSpent : '',
      'What I did': lessonDone(l),
      ...logged([l.lessonId]),
    });
  }
  for (const r of record.refreshers) {
    rows.push({
      Type: 'Refresher',
      Date: day(r.answeredAt),
      Module: r.moduleTitle ?? '',
      Lesson: r.lessonTitle,
      Details: r.correct ? 'Correct' : 'Incorrect',
    });
  }
  for (const r of includeReflections ? record.reflections : []) {
    rows.push({
      Type: 'Reflection',
      Date: r.updatedAt ? day(r.updatedAt) : '',
      Module: r.moduleTitle ?? '',
      Lesson: r.lessonTitle,
      Details: r.text,
    });
  }
  for (const s of record.sessions) {
    rows.push({
      Type: 'Session attended',
      Date: day(s.attendedAt),
      Module: s.moduleTitle,
      Lesson: s.lessons.map((l) => l.lessonTitle).join('; '),
      'Minutes planned': s.minutes,
      Details: 'Facilitated session',
      'What I did': sessionDone(s),
      ...logged(unclaimed(s, claimed)),
    });
  }
  for (const c of record.confidence) {
    rows.push({
      Type: 'Confidence',
      Date: day(c.answeredAt),
      Module: c.moduleTitle,
      'Confidence at the start': oneDecimal(c.before),
      'Confidence at the end': oneDecimal(c.after),
      'Confidence change': oneDecimal(c.change),
    });
  }
  // Every row has every column, in the header's order; a column a row does not name is blank.
  const line = (cells: readonly (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return [
    line(RECORD_CSV_HEADER),
    ...rows.map((row) => line(RECORD_CSV_HEADER.map((h) => row[h] ?? ''))),
  ].join('');
}

/** One CSV row keyed by its column's header, so a new column is one more key, never a recount of blanks. */
type RecordCsvRow = Partial<Record<(typeof RECORD_CSV_HEADER)[number], string | number>>;

function lessonDone(l: CpdLesson): string {
  const where = l.moduleTitle ? ` (${l.moduleTitle})` : '';
  // A lesson no longer in the course has no planned minutes: saying "0 minutes planned" would be untrue.
  const minutes = [
    ...(l.declaredMinutes > 0 ? [`${l.declaredMinutes} minutes planned`] : []),
    ...(l.msSpent > 0 ? [`${l.minutesSpent} minutes spent`] : []),
  ];
  return `Studied the lesson “${l.lessonTitle}”${where}${minutes.length > 0 ? `, ${minutes.join(', ')}` : ''}`;
}

function sessionDone(s: CpdSession): string {
  const lessons = s.lessons.map((l) => `“${l.lessonTitle}”`).join(', ');
  return `Attended a facilitated session on ${s.moduleTitle} (${lessons}), ${s.minutes} minutes`;
}

/** A session's lessons whose notes no earlier row has carried; marks them carried. */
function unclaimed(s: CpdSession, claimed: Set<string>): string[] {
  const ids = s.lessons.map((l) => l.lessonId).filter((id) => !claimed.has(id));
  for (const id of ids) claimed.add(id);
  return ids;
}

/**
 * The cells a set of lessons' tagged notes fill: each column the notes of its tag, oldest first, one to a
 * line. Only what the learner wrote goes in, never a word of ours.
 */
function loggedNotes(reflections: readonly CpdReflection[]): (lessonIds: readonly string[]) => RecordCsvRow {
  return (lessonIds) => {
    const row: RecordCsvRow = {};
    for (const r of reflections) {
      if (!r.log || !lessonIds.includes(r.lessonId)) continue;
      const column = LOG_COLUMN[r.log];
      row[column] = row[column] === undefined ? r.text : `${row[column]}\n${r.text}`;
    }
    return row;
  };
}

/** A number a spreadsheet can add up, to the page's one decimal place; blank where there is none. */
function oneDecimal(value: number | undefined): number | string {
  return value === undefined ? '' : Math.round(value * 10) / 10;
}

/** One CSV field: quoted when it must be, and a formula-looking text made plain (see recordToCsv). */
export function csvCell(value: string | number): string {
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
