import type { Pathway } from '../shared/content-types';
import type { LessonReport } from './compile-course';

/** Text columns (the first two, and the last when `lastIsText`) left-aligned, numbers right-aligned. */
function table(rows: string[][], lastIsText = false): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const isText = (i: number) => i < 2 || (lastIsText && i === widths.length - 1);
  return rows.map((r) =>
    r
      .map((c, i) => (isText(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The `content:report` text: one row per lesson, then totals per module and per pathway. */
export function formatReport(lessons: readonly LessonReport[], pathways: readonly Pathway[]): string {
  const lessonRows = [
    ['module', 'lesson', 'words', 'min', 'est', 'checks', 'ease', 'sources', 'audiences'],
    ...lessons.map((l) => [
      l.moduleId,
      l.lessonId || l.file,
      String(l.words),
      l.minutes === undefined ? '?' : String(l.minutes),
      String(l.estimate),
      String(l.checks),
      String(l.readingEase),
      String(l.sources),
      l.audiences.join(','),
    ]),
  ];
  const totals = (ls: readonly LessonReport[]) => [
    String(ls.length),
    String(ls.reduce((n, l) => n + l.words, 0)),
    String(ls.reduce((n, l) => n + (l.minutes ?? 0), 0)),
    String(ls.reduce((n, l) => n + l.estimate, 0)),
    String(ls.reduce((n, l) => n + l.checks, 0)),
  ];
  const moduleIds = [...new Set(lessons.map((l) => l.moduleId))];
  const moduleRows = [
    ['module', '', 'lessons', 'words', 'min', 'est', 'checks'],
    ...moduleIds.map((id) => [id, '', ...totals(lessons.filter((l) => l.moduleId === id))]),
  ];
  const pathwayRows = [
    ['pathway', 'title', 'lessons', 'words', 'min', 'est', 'checks'],
    ...pathways.map((p) => [
      p.role,
      p.title,
      ...totals(lessons.filter((l) => p.modules.includes(l.moduleId))),
    ]),
  ];
  return [
    ...table(lessonRows, true),
    '',
    ...table(moduleRows),
    '',
    ...(pathways.length > 0 ? table(pathwayRows) : ['no pathways (content/pathways.yaml)']),
  ].join('\n');
}
