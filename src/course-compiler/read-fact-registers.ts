import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { type Fact, parseFactRegister } from './fact-register';
import type { Problem } from './problems';

/**
 * Reads every register in `dir` (each `*.md` but the README), in name order. A missing folder is an
 * empty register, not an error: a course may have none yet.
 */
export async function readFactRegisters(
  dir: string,
): Promise<{ facts: Fact[]; problems: Problem[]; files: number }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch {
    return { facts: [], problems: [], files: 0 };
  }
  const seen = new Map<string, string>();
  const facts: Fact[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const full = join(dir, name);
    const file = relative(process.cwd(), full).split(sep).join('/');
    const result = parseFactRegister(await readFile(full, 'utf8'), file, seen);
    facts.push(...result.facts);
    problems.push(...result.problems);
  }
  return { facts, problems, files: names.length };
}
