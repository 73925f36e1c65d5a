/**
 * Splits a Markdown file into its YAML front matter and body. Line numbers are 0-based indexes into
 * the file's lines; the body keeps its own line numbers (see `blankFrontMatter`).
 */
export type FrontMatterSplit =
  | { ok: true; yaml: string; yamlFirstLine: number; bodyFirstLine: number }
  | { ok: false; message: string; line: number };

export function splitFrontMatter(lines: readonly string[]): FrontMatterSplit {
  if ((lines[0] ?? '').trim() !== '---') {
    return {
      ok: false,
      message: 'the file must start with front matter: a line of three hyphens (---)',
      line: 0,
    };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '---' || line === '...') {
      return { ok: true, yaml: lines.slice(1, i).join('\n'), yamlFirstLine: 1, bodyFirstLine: i + 1 };
    }
  }
  return {
    ok: false,
    message: 'the front matter is not closed: add a line of three hyphens (---) after it',
    line: 0,
  };
}
