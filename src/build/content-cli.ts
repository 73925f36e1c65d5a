// `tsx src/build/content-cli.ts check|report|build <dir> [outDir]`: the authors' and CI's way into
// the compiler. Reads the folder, prints problems as `path:line:col message`, exits 1 on any error.
import { relative, sep } from 'node:path';
import { compileCourse } from './compile-course';
import { formatReport } from './format-report';
import { formatProblem } from './problems';
import { readContentDir } from './read-content-dir';
import { addSearchIndex } from './search-index';
import { writeOutput } from './write-output';

const USAGE = 'usage: content-cli check <dir> | report <dir> | build <dir> <outDir>';

async function main(argv: readonly string[]): Promise<number> {
  const [command, dir, outDir] = argv;
  if (!dir || !['check', 'report', 'build'].includes(command ?? '') || (command === 'build' && !outDir)) {
    console.error(USAGE);
    return 2;
  }
  const root = relative(process.cwd(), dir).split(sep).join('/');
  const result = compileCourse(root, await readContentDir(dir));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  for (const p of result.problems) console.log(formatProblem(p));
  if (command === 'report') {
    if (result.problems.length > 0) console.log('');
    console.log(formatReport(result.lessons, result.catalog.pathways));
  }
  if (command === 'build' && errors === 0 && outDir) {
    addSearchIndex(result.catalog, result.output);
    await writeOutput(outDir, result.output);
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
