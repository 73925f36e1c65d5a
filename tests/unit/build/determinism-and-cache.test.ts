import { describe, expect, it } from 'vitest';
import { compileCourse, createCompileCache } from '../../../src/course-compiler/compile-course';
import { hashText } from '../../../src/course-compiler/hash-text';
import { readContentDir } from '../../../src/course-compiler/read-content-dir';
import type { ModuleBundle } from '../../../src/shared/content/content-types';

const ROOT = 'tests/fixtures/content/good';

describe('determinism and the incremental cache', () => {
  it('compiles the same content to identical files every time', async () => {
    const files = await readContentDir(ROOT);
    const first = compileCourse(ROOT, files);
    const second = compileCourse(ROOT, new Map(files));
    expect([...second.output.keys()]).toEqual([...first.output.keys()]);
    for (const [path, data] of first.output) expect(second.output.get(path)).toEqual(data);
    expect(first.output.get('content/catalog.json')).toBe(JSON.stringify(first.catalog));
  });

  it('hashes each lesson over its compiled JSON and writes bundles as plain JSON', async () => {
    const result = compileCourse(ROOT, await readContentDir(ROOT));
    for (const entry of result.catalog.modules) {
      const text = String(result.output.get(`content/${entry.file}`));
      const bundle = JSON.parse(text) as ModuleBundle;
      expect(JSON.stringify(bundle)).toBe(text);
      expect(bundle.hash).toBe(entry.hash);
      for (const lesson of bundle.lessons) {
        expect(hashText(JSON.stringify({ ...lesson, hash: '' }))).toBe(lesson.hash);
      }
    }
  });

  it('hands back every module bundle as data, equal to the file it writes, cold and after an edit', async () => {
    const files = new Map(await readContentDir(ROOT));
    const cache = createCompileCache();
    const parsed = (r: ReturnType<typeof compileCourse>) =>
      r.catalog.modules.map((m) => JSON.parse(String(r.output.get(`content/${m.file}`))) as ModuleBundle);
    const cold = compileCourse(ROOT, files, cache);
    expect(cold.bundles).toEqual(parsed(cold));
    const path = 'next-steps/01-plan.md';
    files.set(path, String(files.get(path)).replace('A plan is short and clear.', 'A plan is short.'));
    const warm = compileCourse(ROOT, files, cache);
    expect(warm.bundles).toEqual(parsed(warm));
    expect(warm.bundles).not.toEqual(cold.bundles);
  });

  it('recompiles only the edited lesson and keeps the other lessons’ hashes', async () => {
    const files = new Map(await readContentDir(ROOT));
    const cache = createCompileCache();
    const cold = compileCourse(ROOT, files, cache);
    expect([cold.compiled, cold.reused]).toEqual([3, 0]);

    const path = 'next-steps/01-plan.md';
    files.set(path, String(files.get(path)).replace('A plan is short and clear.', 'A plan is short.'));
    const warm = compileCourse(ROOT, files, cache);
    expect([warm.compiled, warm.reused]).toEqual([1, 2]);
    const hashes = (r: typeof cold) => r.catalog.modules.map((m) => [m.id, m.hash]);
    expect(hashes(warm)[0]).toEqual(hashes(cold)[0]);
    expect(hashes(warm)[1]).not.toEqual(hashes(cold)[1]);
    expect(warm.catalog.version).not.toBe(cold.catalog.version);
    // Same answer as a compile without a cache.
    expect(compileCourse(ROOT, files).output).toEqual(warm.output);
  });

  it('recompiles lessons that link to a lesson whose id changed', async () => {
    const files = new Map(await readContentDir(ROOT));
    const cache = createCompileCache();
    compileCourse(ROOT, files, cache);
    const path = 'foundations/02-support.md';
    files.set(
      path,
      String(files.get(path)).replace('id: foundations-support', 'id: foundations-sen-support'),
    );
    const warm = compileCourse(ROOT, files, cache);
    // The edited lesson and the lesson linking to it; next-steps links elsewhere.
    expect([warm.compiled, warm.reused]).toEqual([2, 1]);
    expect(String(warm.output.get(`content/${warm.catalog.modules[0]?.file}`))).toContain(
      'href=\\"/modules/foundations/foundations-sen-support\\"',
    );
  });
});
