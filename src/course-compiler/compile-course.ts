import { posix } from 'node:path';
import { catalogLesson } from '../shared/content/catalog-lesson';
import type { Audience, Catalog, CatalogModule, Lesson, ModuleBundle } from '../shared/content/content-types';
import { type CompiledLesson, compileLesson } from './compile-lesson';
import {
  type LessonFrontMatter,
  lessonSchema,
  type ModuleFrontMatter,
  moduleSchema,
} from './front-matter-schemas';
import { hashText } from './hash-text';
import type { CourseResolver } from './lesson-scope';
import { createMarkdownRenderer, type MarkdownEngine } from './markdown-renderer';
import { readPathways } from './pathways';
import type { Problem } from './problems';
import { PUBLISHED_OPTIONS_FILE, readPublishedOptions } from './published-options';
import { readHead, type SourceHead } from './read-head';
import { sortProblems } from './sort-problems';

/** The content folder as data: path relative to it (with `/`) → text for .md/.yaml, bytes otherwise. */
export type ContentFiles = ReadonlyMap<string, string | Uint8Array>;

export type LessonReport = {
  file: string;
  moduleId: string;
  lessonId: string;
  title: string;
  words: number;
  minutes: number | undefined;
  estimate: number;
  checks: number;
  readingEase: number;
  sources: number;
  audiences: Audience[];
};

export type CompileResult = {
  catalog: Catalog;
  /** Files to write, relative to the build output folder: `content/catalog.json`, … */
  output: Map<string, string | Uint8Array>;
  /**
   * Every module's bundle as data, in catalogue order: what `content/modules/<id>.<hash>.json` holds,
   * for the option lock and the search index, which need no parse of that JSON back. Shared with the
   * cache: read it, never change it.
   */
  bundles: ModuleBundle[];
  problems: Problem[];
  lessons: LessonReport[];
  /** How many lessons were compiled this run and how many came from the cache. */
  compiled: number;
  reused: number;
};

type Cached<T> = { text: string; value: T };
type CachedLesson = {
  text: string;
  moduleId: string;
  deps: Map<string, string>;
  /** The lesson's entry in the lock of published option ids, as JSON. */
  published: string;
  result: CompiledLesson;
};

/**
 * Results kept between runs, keyed by file content, so an edit recompiles only what it touches.
 * A lesson is reused when its text, module and every link or image it resolved are unchanged.
 */
export type CompileCache = {
  engine: MarkdownEngine;
  heads: Map<string, Cached<SourceHead<LessonFrontMatter>>>;
  modules: Map<string, Cached<SourceHead<ModuleFrontMatter>>>;
  lessons: Map<string, CachedLesson>;
  images: WeakMap<Uint8Array, string>;
  /** Each module's bundle, as JSON and as data, with its hash: an edit re-joins only its own module. */
  bundles: Map<
    string,
    { hash: string; json: string; bundle: ModuleBundle; entry: CatalogModule; entryJson: string }
  >;
};

export function createCompileCache(): CompileCache {
  return {
    engine: createMarkdownRenderer(),
    heads: new Map(),
    modules: new Map(),
    lessons: new Map(),
    images: new WeakMap(),
    bundles: new Map(),
  };
}

const LESSON_FILE = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif)$/i;
const decoder = new TextDecoder();
const asText = (v: string | Uint8Array) => (typeof v === 'string' ? v : decoder.decode(v));

function cachedHead<T>(
  cache: Map<string, Cached<SourceHead<T>>>,
  schema: Parameters<typeof readHead<T>>[0],
  path: string,
  file: string,
  text: string,
): SourceHead<T> {
  const hit = cache.get(path);
  if (hit && hit.text === text && hit.value.file === file) return hit.value;
  const value = readHead(schema, file, text);
  cache.set(path, { text, value });
  return value;
}

/** Compiles a whole course. Pure apart from the cache it is given; `root` prefixes problem paths. */
export function compileCourse(
  root: string,
  files: ContentFiles,
  cache = createCompileCache(),
): CompileResult {
  const problems: Problem[] = [];
  const fileOf = (path: string) => (root ? `${root}/${path}` : path);
  const at = (path: string, message: string, severity: Problem['severity'] = 'error', line = 1, col = 1) =>
    problems.push({ file: fileOf(path), line, col, severity, message });
  // Locating a field walks the YAML tree: only do it for a problem.
  const atId = (
    path: string,
    head: SourceHead<LessonFrontMatter>,
    message: string,
    severity: Problem['severity'],
  ) => {
    const where = head.where(['id']);
    at(path, message, severity, where.line, where.col);
  };

  const paths = [...files.keys()].sort();
  const moduleDirs = new Map<string, { path: string; head: SourceHead<ModuleFrontMatter> }>();
  const lessonPaths: string[] = [];
  const imageOutput = new Map<string, string>();

  for (const path of paths) {
    const parts = path.split('/');
    const value = files.get(path) as string | Uint8Array;
    if (IMAGE_FILE.test(path)) {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      let hash = cache.images.get(bytes);
      if (!hash) {
        hash = hashText(bytes, 8);
        cache.images.set(bytes, hash);
      }
      const ext = posix.extname(path);
      imageOutput.set(path, `content/images/${posix.basename(path, ext)}.${hash}${ext.toLowerCase()}`);
      continue;
    }
    if (!path.endsWith('.md') || parts.length === 1) continue;
    if (parts.length > 2) {
      at(path, 'lesson files go directly in a module folder, e.g. content/my-module/01-first-lesson.md');
      continue;
    }
    const name = parts[1] as string;
    if (name === 'index.md') {
      const head = cachedHead(cache.modules, moduleSchema, path, fileOf(path), asText(value));
      moduleDirs.set(parts[0] as string, { path, head });
      problems.push(...head.problems);
    } else if (LESSON_FILE.test(name)) {
      lessonPaths.push(path);
    } else {
      at(path, 'lesson file names are two digits, a hyphen and lower-case words, e.g. 01-what-sen-means.md');
    }
  }

  const dirsWithLessons = new Set(lessonPaths.map((p) => p.slice(0, p.indexOf('/'))));

  // Modules: folder name and id agree, ids unique.
  const moduleIdOfDir = new Map<string, string>();
  const moduleIdFile = new Map<string, string>();
  for (const [dir, { path, head }] of moduleDirs) {
    const id = head.data?.id;
    if (!id) continue;
    const where = head.where(['id']);
    const other = moduleIdFile.get(id);
    if (other) {
      at(
        path,
        `duplicate module id \`${id}\`: ${fileOf(other)} already uses it`,
        'error',
        where.line,
        where.col,
      );
      continue;
    }
    if (id !== dir) {
      at(path, `module id \`${id}\` must match its folder name \`${dir}\``, 'error', where.line, where.col);
    }
    moduleIdFile.set(id, path);
    moduleIdOfDir.set(dir, id);
  }

  // Lesson heads first: links need every lesson's id before any body is compiled.
  const lessonIndex = new Map<string, { moduleId: string; lessonId: string }>();
  const lessonIdFile = new Map<string, string>();
  const heads = new Map<string, SourceHead<LessonFrontMatter>>();
  for (const path of lessonPaths) {
    const dir = path.split('/')[0] as string;
    const head = cachedHead(cache.heads, lessonSchema, path, fileOf(path), asText(files.get(path) as string));
    heads.set(path, head);
    if (!moduleDirs.has(dir))
      at(path, `the folder \`${dir}\` has no index.md: every module folder needs one`);
    const id = head.data?.id;
    if (!id) continue;
    const moduleId = moduleIdOfDir.get(dir) ?? dir;
    const other = lessonIdFile.get(id);
    if (other) {
      atId(path, head, `duplicate lesson id \`${id}\`: ${fileOf(other)} already uses it`, 'error');
      continue;
    }
    if (!id.startsWith(moduleId) || id.charAt(moduleId.length) !== '-') {
      atId(path, head, `lesson id \`${id}\` should start with its module id \`${moduleId}-\``, 'warning');
    }
    lessonIdFile.set(id, path);
    lessonIndex.set(path, { moduleId, lessonId: id });
  }

  const lockText = files.get(PUBLISHED_OPTIONS_FILE);
  const { published, problems: lockProblems } = readPublishedOptions(
    lockText === undefined ? undefined : asText(lockText),
    fileOf(PUBLISHED_OPTIONS_FILE),
  );
  problems.push(...lockProblems);

  const base: CourseResolver = {
    lesson: (p) => lessonIndex.get(p),
    module: (p) => (p.endsWith('/index.md') ? moduleIdOfDir.get(p.slice(0, -'/index.md'.length)) : undefined),
    image: (p) => imageOutput.get(p),
  };
  const depValue = (key: string): string => {
    const p = key.slice(2);
    if (key.startsWith('l:')) {
      const l = base.lesson(p);
      return l ? `${l.moduleId}/${l.lessonId}` : '';
    }
    return (key.startsWith('m:') ? base.module(p) : base.image(p)) ?? '';
  };

  const depsUnchanged = (deps: ReadonlyMap<string, string>) => {
    for (const [k, v] of deps) if (depValue(k) !== v) return false;
    return true;
  };

  let compiled = 0;
  let reused = 0;
  const byModule = new Map<string, { path: string; result: CompiledLesson }[]>();
  const reports: LessonReport[] = [];
  for (const path of lessonPaths) {
    const dir = path.split('/')[0] as string;
    const moduleId = moduleIdOfDir.get(dir) ?? dir;
    const text = asText(files.get(path) as string);
    const hit = cache.lessons.get(path);
    const lessonId = lessonIndex.get(path)?.lessonId;
    const lessonLock =
      lessonId !== undefined && Object.hasOwn(published, lessonId) ? published[lessonId] : undefined;
    const lockJson = JSON.stringify(lessonLock ?? null);
    let result: CompiledLesson;
    if (
      hit &&
      hit.text === text &&
      hit.moduleId === moduleId &&
      hit.published === lockJson &&
      depsUnchanged(hit.deps)
    ) {
      result = hit.result;
      reused++;
    } else {
      const deps = new Map<string, string>();
      const record = (key: string) => {
        const v = depValue(key);
        deps.set(key, v);
        return v;
      };
      const resolver: CourseResolver = {
        lesson: (p) => (record(`l:${p}`) ? base.lesson(p) : undefined),
        module: (p) => record(`m:${p}`) || undefined,
        image: (p) => record(`i:${p}`) || undefined,
      };
      result = compileLesson(
        heads.get(path) as SourceHead<LessonFrontMatter>,
        path,
        moduleId,
        resolver,
        cache.engine,
        lessonLock,
      );
      cache.lessons.set(path, { text, moduleId, deps, published: lockJson, result });
      compiled++;
    }
    problems.push(...result.problems);
    const head = heads.get(path);
    // A lesson whose id clashes with another is reported above and left out of the bundle.
    if (result.lesson && lessonIdFile.get(result.lesson.id) === path) {
      const list = byModule.get(moduleId) ?? [];
      list.push({ path, result });
      byModule.set(moduleId, list);
    }
    reports.push({
      file: fileOf(path),
      moduleId,
      lessonId: head?.data?.id ?? '',
      title: head?.data?.title ?? '',
      words: result.stats.words,
      minutes: head?.data?.minutes,
      estimate: result.stats.estimate,
      checks: result.stats.checks,
      readingEase: result.stats.readingEase,
      sources: head?.data?.sources.length ?? 0,
      audiences: moduleDirs.get(dir)?.head.data?.audiences ?? [],
    });
  }
  // Drop cache entries for files that no longer exist.
  for (const key of cache.lessons.keys()) if (!files.has(key)) cache.lessons.delete(key);
  for (const key of cache.heads.keys()) if (!files.has(key)) cache.heads.delete(key);
  for (const key of cache.modules.keys()) if (!files.has(key)) cache.modules.delete(key);

  const output = new Map<string, string | Uint8Array>();
  const modules: { bundle: ModuleBundle; entry: CatalogModule; entryJson: string }[] = [];
  for (const [dir, { head }] of moduleDirs) {
    const m = head.data;
    if (!m || moduleIdOfDir.get(dir) !== m.id) continue;
    const lessons = byModule.get(m.id) ?? [];
    if (!dirsWithLessons.has(dir)) {
      at(moduleDirs.get(dir)?.path ?? dir, `module \`${m.id}\` has no lessons yet`, 'warning');
    }
    if (!m.confidence) {
      at(
        moduleDirs.get(dir)?.path ?? dir,
        'no `confidence` statements: list 3 or 4 “I feel confident to …” statements taken from the module’s objectives, so learners can rate their confidence before and after',
        'warning',
      );
    }
    const fields = {
      id: m.id,
      title: m.title,
      summary: m.summary,
      audiences: m.audiences,
      areas: m.areas,
      order: m.order,
      ...(m.updated ? { updated: m.updated } : {}),
      ...(m.confidence ? { confidence: m.confidence } : {}),
    };
    const hash = hashText(JSON.stringify(fields) + lessons.map((l) => l.result.lesson?.hash).join(','));
    // Lesson JSON is cached per lesson and whole modules by hash, so an edit re-joins only its module.
    let bundle = cache.bundles.get(m.id);
    if (bundle?.hash !== hash) {
      const json = `{"id":${JSON.stringify(m.id)},"hash":"${hash}","lessons":[${lessons.map((l) => l.result.json).join(',')}]}`;
      const entry: CatalogModule = {
        ...fields,
        hash,
        bytes: Buffer.byteLength(json),
        file: `modules/${m.id}.${hash}.json`,
        lessons: lessons.map(({ result }) =>
          catalogLesson(result.lesson as NonNullable<CompiledLesson['lesson']>),
        ),
      };
      const data: ModuleBundle = {
        id: m.id,
        hash,
        lessons: lessons.map(({ result }) => result.lesson as Lesson),
      };
      bundle = { hash, json, bundle: data, entry, entryJson: JSON.stringify(entry) };
      cache.bundles.set(m.id, bundle);
    }
    output.set(`content/${bundle.entry.file}`, bundle.json);
    for (const { result } of lessons) {
      for (const image of result.images) {
        const out = imageOutput.get(image);
        const bytes = files.get(image);
        if (out && bytes !== undefined) output.set(out, bytes);
      }
    }
    modules.push(bundle);
  }
  modules.sort(({ entry: a }, { entry: b }) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const pathwaysText = files.get('pathways.yaml');
  const { pathways, problems: pathwayProblems } = readPathways(
    pathwaysText === undefined ? undefined : asText(pathwaysText),
    fileOf('pathways.yaml'),
    new Set(modules.map((m) => m.entry.id)),
  );
  problems.push(...pathwayProblems);

  const version = hashText(modules.map((m) => m.entry.hash).join(','));
  const catalog: Catalog = { version, modules: modules.map((m) => m.entry), pathways };
  // Same text as JSON.stringify(catalog), built from cached module entries.
  output.set(
    'content/catalog.json',
    `{"version":"${version}","modules":[${modules.map((m) => m.entryJson).join(',')}],"pathways":${JSON.stringify(pathways)}}`,
  );
  return {
    catalog,
    output,
    bundles: modules.map((m) => m.bundle),
    problems: sortProblems(problems),
    lessons: reports,
    compiled,
    reused,
  };
}
