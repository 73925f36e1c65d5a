// The register of facts in docs/facts/<module-id>.md: one Markdown table per file with the columns
// `| id | claim | source | url | checked |`. Prose may come before and after the table (for example a
// "Not stated" list); anything wrong in the table is an error at its file and line.
import type { Problem } from './problems';

export type Fact = { id: string; claim: string; source: string; url: string; checked: string; file: string };

const COLUMNS = ['id', 'claim', 'source', 'url', 'checked'] as const;
const DELIMITER_CELL = /^:?-{3,}:?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FACT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Cells of a table row: split at pipes that are not escaped, outer pipes dropped, `\|` kept as `|`. */
function cells(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Reads one register file. `seen` carries ids across files so an id is unique in the whole register. */
export function parseFactRegister(
  text: string,
  file: string,
  seen: Map<string, string> = new Map(),
): { facts: Fact[]; problems: Problem[] } {
  const facts: Fact[] = [];
  const problems: Problem[] = [];
  const error = (line: number, message: string, col = 1) =>
    problems.push({ file, line, col, severity: 'error', message });
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.trim().startsWith('|'));
  const expected = `| ${COLUMNS.join(' | ')} |`;
  if (header < 0) {
    error(1, `no register table: start one with the header \`${expected}\``);
    return { facts, problems };
  }
  const names = cells(lines[header] ?? '').map((c) => c.toLowerCase());
  if (names.join('|') !== COLUMNS.join('|')) {
    error(header + 1, `the table header must be \`${expected}\` (found \`${lines[header]?.trim()}\`)`);
    return { facts, problems };
  }
  const delimiter = lines[header + 1] ?? '';
  const delimiterCells = cells(delimiter);
  if (delimiterCells.length !== COLUMNS.length || !delimiterCells.every((c) => DELIMITER_CELL.test(c))) {
    error(header + 2, 'the line under the header must be `| --- | --- | --- | --- | --- |`');
    return { facts, problems };
  }
  let i = header + 2;
  for (; i < lines.length && (lines[i] ?? '').trim().startsWith('|'); i++) {
    const line = i + 1;
    const row = cells(lines[i] ?? '');
    if (row.length !== COLUMNS.length) {
      error(
        line,
        `a row needs ${COLUMNS.length} cells (id, claim, source, url, checked), found ${row.length}`,
      );
      continue;
    }
    const [id = '', claim = '', source = '', url = '', checked = ''] = row;
    const before = problems.length;
    if (!FACT_ID.test(id))
      error(line, `fact id must be lower-case words and numbers joined by hyphens (found "${id}")`);
    else if (seen.has(id)) error(line, `duplicate fact id \`${id}\`: ${seen.get(id)} already uses it`);
    if (!claim) error(line, `fact \`${id}\` has no claim`);
    if (!source) error(line, `fact \`${id}\` has no source: name the primary source`);
    // The address actually read: a few primary sources are still served over plain http.
    if (url && !/^https?:\/\/\S+$/.test(url))
      error(
        line,
        `the url of fact \`${id}\` must be a web address starting with https:// or http:// (found "${url}")`,
      );
    if (!isRealDate(checked))
      error(
        line,
        `the checked date of fact \`${id}\` must be a date written YYYY-MM-DD (found "${checked}")`,
      );
    if (problems.length === before) {
      seen.set(id, `${file}:${line}`);
      facts.push({ id, claim, source, url, checked, file });
    }
  }
  for (; i < lines.length; i++) {
    if ((lines[i] ?? '').trim().startsWith('|')) {
      error(i + 1, 'a second table: keep every fact in the one register table, with no blank line inside it');
      break;
    }
  }
  return { facts, problems };
}
