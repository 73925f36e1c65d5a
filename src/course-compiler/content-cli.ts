// `tsx src/course-compiler/content-cli.ts check|report|lock|build <dir> [outDir]`: the authors' and CI's way into
// the compiler. Reads the folder, prints problems as `path:line:col message`, exits 1 on any error.
// `lock` records the option ids of the course as it is now in <dir>/published-options.json.
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileCourse } from './compile-course';
import { formatReport } from './format-report';
import { formatProblem } from './problems';
import { PUBLISHED_OPTIONS_FILE, publishedOptionsOf } from './published-options';
import { readContentDir } from './read-content-dir';
import { readFactRegisters } from './read-fact-registers';
import { addSearchIndex } from './search-index';
import { sortProblems } from './sort-problems';
import { writeOutput } from './write-output';

const USAGE = 'usage: content-cli check <dir> | report <dir> | lock <dir> | build <dir> <outDir>';

async function main(argv: readonly string[]): Promise<number> {
  const [command, dir, outDir] = argv;
  if (
    !dir ||
    !['check', 'report', 'lock', 'build'].includes(command ?? '') ||
    (command === 'build' && !outDir)
  ) {
    console.error(USAGE);
    return 2;
  }
  const root = relative(process.cwd(), dir).split(sep).join('/');
  const result = compileCourse(root, await readContentDir(dir));
  // The register sits beside the content folder: content/ → docs/facts/.
  const register = await readFactRegisters(join(dirname(resolve(dir)), 'docs', 'facts'));
  const problems = sortProblems([...result.problems, ...register.problems]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  for (const p of problems) console.log(formatProblem(p));
  if (command === 'report') {
    if (problems.length > 0) console.log('');
    console.log(formatReport(result.lessons, result.catalog.pathways, register));
  }
  if (command === 'build' && errors === 0 && outDir) {
    addSearchIndex(result);
    await writeOutput(outDir, result.output);
  }
  if (command === 'lock') {
    if (errors > 0) {
      console.log('not locked: fix the errors first, so the lock records what learners will see');
    } else {
      const lock = publishedOptionsOf(result.bundles);
      await writeFile(join(dir, PUBLISHED_OPTIONS_FILE), `${JSON.stringify(lock, null, 2)}\n`);
      console.log(
        `locked the option ids of ${Object.keys(lock).length} lessons in ${join(dir, PUBLISHED_OPTIONS_FILE)}`,
      );
    }
  }
  const modules = new Set(result.lessons.map((l) => l.moduleId)).size;
  console.log(
    `${result.lessons.length} lessons in ${modules} modules: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${command === 'build' && errors === 0 ? `; wrote ${result.output.size} files to ${outDir}` : ''}`,
  );
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
