// One problem the compiler found in the course. Every check adds to a list instead of throwing, so one
// run reports everything an author has to fix.

export type Severity = 'error' | 'warning';

export type Problem = {
  /** Path relative to the repository root, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  severity: Severity;
  message: string;
};

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
