// The course as a build serves it, for the server benchmarks: `content/` compiled in memory and its
// catalogue written to a dist folder of its own (the server reads `<DIST_DIR>/content/catalog.json` at
// start), so a benchmark needs no `vite build` first and measures the real course's modules and lessons.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileCourse } from '../../src/course-compiler/compile-course';
import { readContentDir } from '../../src/course-compiler/read-content-dir';
import type { Catalog } from '../../src/shared/content/content-types';

export type CourseDist = { dir: string; catalog: Catalog; remove: () => void };

export async function courseDist(contentDir = 'content'): Promise<CourseDist> {
  const { catalog } = compileCourse(contentDir, await readContentDir(contentDir));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-dist-'));
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'catalog.json'), JSON.stringify(catalog));
  return { dir, catalog, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
