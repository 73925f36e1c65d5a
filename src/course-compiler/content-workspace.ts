// Keeps the content folder in memory for the Vite dev server and the benchmark: files are read
// once, then only the changed file is re-read, and the compile cache reuses every untouched lesson.
// A file that cannot be read (deleted mid-edit) is dropped from the map and reported by the compiler.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type CompileResult, compileCourse, createCompileCache } from './compile-course';
import { readContentDir } from './read-content-dir';

export type ContentWorkspace = {
  /** Absolute path of the content folder. */
  dir: string;
  /** Re-reads every file. */
  load(): Promise<void>;
  /** Re-reads one file after a change; returns false when the path is outside the content folder. */
  update(file: string): Promise<boolean>;
  compile(): CompileResult;
};

export function createContentWorkspace(contentDir: string, cwd = process.cwd()): ContentWorkspace {
  const dir = resolve(cwd, contentDir);
  const root = relative(cwd, dir).split(sep).join('/');
  const cache = createCompileCache();
  let files = new Map<string, string | Uint8Array>();
  return {
    dir,
    async load() {
      files = new Map(await readContentDir(dir));
    },
    async update(file) {
      const abs = isAbsolute(file) ? file : resolve(cwd, file);
      const path = relative(dir, abs).split(sep).join('/');
      if (path.startsWith('..') || isAbsolute(path) || path.split('/').some((p) => p.startsWith('.')))
        return false;
      try {
        files.set(path, /\.(md|ya?ml)$/i.test(path) ? await readFile(abs, 'utf8') : await readFile(abs));
      } catch {
        files.delete(path);
        // A deleted folder removes every file under it.
        for (const key of [...files.keys()]) if (key.startsWith(`${path}/`)) files.delete(key);
      }
      return true;
    },
    compile() {
      return compileCourse(root, files, cache);
    },
  };
}
