import type { Problem, Severity } from './problems';

/** How a lesson reaches the rest of the course: other lessons by path, images by path. */
export type CourseResolver = {
  /** `path` is relative to the content folder, normalised, with `/` separators. */
  lesson(path: string): { moduleId: string; lessonId: string } | undefined;
  /** The module whose `index.md` is at `path`. */
  module(path: string): string | undefined;
  /** Output path (`content/images/<name>.<hash8>.<ext>`) of the image at `path`, if it exists. */
  image(path: string): string | undefined;
};

/** Per-lesson state shared by the passes of the lesson compiler. */
export type LessonScope = {
  file: string;
  /** The content folder, relative to the repository root (e.g. `content`). */
  root: string;
  /** Path of the lesson relative to the content folder. */
  path: string;
  lines: readonly string[];
  resolver: CourseResolver;
  problems: Problem[];
  images: Set<string>;
  /** `line` is a 0-based line index; the column is where `snippet` starts on that line, else its indent. */
  report(line: number, message: string, severity?: Severity, snippet?: string): void;
};

export function createLessonScope(
  file: string,
  path: string,
  lines: readonly string[],
  resolver: CourseResolver,
): LessonScope {
  const problems: Problem[] = [];
  return {
    file,
    root: file.slice(0, Math.max(0, file.length - path.length - 1)),
    path,
    lines,
    resolver,
    problems,
    images: new Set(),
    report(line, message, severity = 'error', snippet) {
      const text = lines[line] ?? '';
      const found = snippet ? text.indexOf(snippet) : -1;
      const col = found >= 0 ? found + 1 : text.length - text.trimStart().length + 1;
      problems.push({ file, line: line + 1, col, severity, message });
    },
  };
}
