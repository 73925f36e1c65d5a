import type { z } from 'zod';
import type { Problem } from './problems';
import { type Located, readFrontMatter } from './read-front-matter';
import { splitFrontMatter } from './split-front-matter';

/** A Markdown file's lines and validated front matter: all the course needs before reading bodies. */
export type SourceHead<T> = {
  file: string;
  lines: string[];
  data: T | undefined;
  problems: Problem[];
  /** 0-based index of the first body line. */
  bodyFirstLine: number;
  where: (path: readonly PropertyKey[]) => Located;
};

export function readHead<T>(schema: z.ZodType<T>, file: string, text: string): SourceHead<T> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const split = splitFrontMatter(lines);
  if (!split.ok) {
    return {
      file,
      lines,
      data: undefined,
      problems: [{ file, line: split.line + 1, col: 1, severity: 'error', message: split.message }],
      bodyFirstLine: 0,
      where: () => ({ line: 1, col: 1 }),
    };
  }
  const front = readFrontMatter(schema, split.yaml, split.yamlFirstLine, file);
  return {
    file,
    lines,
    data: front.data,
    problems: front.problems,
    bodyFirstLine: split.bodyFirstLine,
    where: front.where,
  };
}
