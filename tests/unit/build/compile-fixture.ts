import {
  type CompileResult,
  compileCourse,
  createCompileCache,
} from '../../../src/course-compiler/compile-course';
import { formatProblem } from '../../../src/course-compiler/problems';
import { readContentDir } from '../../../src/course-compiler/read-content-dir';

/** Compiles a fixture course under tests/fixtures/content/ as the CLI would from the repo root. */
export async function compileFixture(name: string, cache = createCompileCache()): Promise<CompileResult> {
  const root = `tests/fixtures/content/${name}`;
  return compileCourse(root, await readContentDir(root), cache);
}

export function formatted(result: CompileResult): string[] {
  return result.problems.map(formatProblem);
}
