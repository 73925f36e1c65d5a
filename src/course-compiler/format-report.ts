import type { Pathway } from '../shared/content/content-types';
import type { LessonReport } from './compile-course';
import type { Fact } from './fact-register';

export type RegisterReport = { facts: readonly Fact[]; files: number };

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

/**
 * Reading ease of several lessons together: each lesson's Flesch score weighted by its words, so a long
 * hard lesson counts for more than a short one.
 */
function combinedEase(ls: readonly LessonReport[]): string {
  const words = ls.reduce((n, l) => n + l.words, 0);
  if (words === 0) return '-';
  return String(Math.round(ls.reduce((n, l) => n + l.readingEase * l.words, 0) / words));
}

/**
 * The `content:report` text: one row per lesson, then totals per module and per pathway, then the
 * register of facts (docs/facts/*.md) when one is given.
 */
export function formatReport(
  lessons: readonly LessonReport[],
  pathways: readonly Pathway[],
  register?: RegisterReport,
): string {
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
    combinedEase(ls),
  ];
  const moduleIds = [...new Set(lessons.map((l) => l.moduleId))];
  const moduleRows = [
    ['module', '', 'lessons', 'words', 'min', 'est', 'checks', 'ease'],
    ...moduleIds.map((id) => [id, '', ...totals(lessons.filter((l) => l.moduleId === id))]),
  ];
  const pathwayRows = [
    ['pathway', 'title', 'lessons', 'words', 'min', 'est', 'checks', 'ease'],
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
    ...(register ? ['', ...formatRegister(register)] : []),
  ].join('\n');
}

function formatRegister({ facts, files }: RegisterReport): string[] {
  if (files === 0) return ['no register of facts (docs/facts/*.md)'];
  const perFile = new Map<string, number>();
  for (const f of facts) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  const counts = [...perFile].map(([file, n]) => `${file.replace(/^.*\//, '').replace(/\.md$/, '')} ${n}`);
  return [
    `register of facts: ${facts.length} ${facts.length === 1 ? 'fact' : 'facts'} in ${files} ${files === 1 ? 'file' : 'files'}${counts.length ? ` (${counts.join(', ')})` : ''}`,
    ...table(
      [
        ['fact', 'checked', 'claim (source, url)'],
        ...facts.map((f) => [f.id, f.checked, `${f.claim} (${f.source}${f.url ? `, ${f.url}` : ''})`]),
      ],
      true,
    ),
  ];
}
