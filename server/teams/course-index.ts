// The course as the server knows it: read once at start from the compiled catalogue of the build it
// serves (`<distDir>/content/catalog.json`, written by src/course-compiler/compile-course.ts). Assignments are checked
// against it and pathways resolved with it; pushes map lessons to modules with it; certificates check
// completions against it. A server started without a build (tests of other things, a bare API host) gets
// an empty course: nothing can be assigned or certified.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/shared/content/content-types';
import type { StaffRole } from '../../src/shared/protocol/team-protocol';

export type CourseLesson = { id: string; title: string; minutes: number };
export type CourseModule = { id: string; title: string; lessons: readonly CourseLesson[]; order: number };
export type CoursePathway = { role: StaffRole; title: string; moduleIds: string[] };

export type CourseIndex = {
  version: string;
  modules: ReadonlyMap<string, CourseModule>;
  /** Which module each lesson belongs to. */
  lessonModule: ReadonlyMap<string, string>;
  pathways: ReadonlyMap<StaffRole, CoursePathway>;
};

export function courseIndex(catalog: Catalog): CourseIndex {
  const modules = new Map<string, CourseModule>();
  const lessonModule = new Map<string, string>();
  for (const m of catalog.modules) {
    const lessons = m.lessons.map(({ id, title, minutes }) => ({ id, title, minutes }));
    modules.set(m.id, { id: m.id, title: m.title, lessons, order: m.order });
    for (const lesson of m.lessons) lessonModule.set(lesson.id, m.id);
  }
  const pathways = new Map<StaffRole, CoursePathway>();
  for (const p of catalog.pathways) {
    // A pathway naming a module the build no longer has keeps the rest of its order.
    pathways.set(p.role, {
      role: p.role,
      title: p.title,
      moduleIds: p.modules.filter((id) => modules.has(id)),
    });
  }
  return { version: catalog.version, modules, lessonModule, pathways };
}

export const EMPTY_COURSE: CourseIndex = courseIndex({ version: '', modules: [], pathways: [] });

/** The build's catalogue, or the empty course when the build has none (it is reported, not fatal). */
export function loadCourseIndex(distDir: string, warn: (message: string) => void): CourseIndex {
  const file = path.join(distDir, 'content', 'catalog.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    warn(`no course catalogue at ${file}: nothing can be assigned or certified until the app is built`);
    return EMPTY_COURSE;
  }
  let catalog: Partial<Catalog>;
  try {
    catalog = JSON.parse(text) as Partial<Catalog>;
  } catch (error) {
    warn(
      `the course catalogue at ${file} is not JSON (${String(error)}): nothing can be assigned or certified`,
    );
    return EMPTY_COURSE;
  }
  if (!Array.isArray(catalog.modules)) {
    warn(`the course catalogue at ${file} lists no modules: nothing can be assigned or certified`);
    return EMPTY_COURSE;
  }
  // A catalogue from before pathways, or a hand-made one, still gives the modules it names.
  const modules = catalog.modules
    .filter((m) => typeof m?.id === 'string')
    .map((m, index) => ({
      ...m,
      title: m.title ?? m.id,
      order: m.order ?? index,
      lessons: Array.isArray(m.lessons) ? m.lessons : [],
    }));
  return courseIndex({
    version: catalog.version ?? '',
    modules,
    pathways: Array.isArray(catalog.pathways) ? catalog.pathways : [],
  });
}
