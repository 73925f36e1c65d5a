// Reads the compiled course from dist/ so browser tests follow the real content rather than copies of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Lesson, LessonBlock, ModuleBundle } from '../../../src/shared/content/content-types';

/** dist/ by default; E2E_DIST lets an engineer test their own build while others rebuild dist/. */
export const distDir = process.env.E2E_DIST ?? 'dist';

export function builtCatalog(): Catalog {
  return JSON.parse(readFileSync(join(distDir, 'content', 'catalog.json'), 'utf8')) as Catalog;
}

export function builtLesson(moduleId: string, lessonId: string): Lesson {
  const module = builtCatalog().modules.find((m) => m.id === moduleId);
  if (!module) throw new Error(`no module ${moduleId} in dist`);
  const bundle = JSON.parse(readFileSync(join(distDir, 'content', module.file), 'utf8')) as ModuleBundle;
  const lesson = bundle.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId} in ${moduleId}`);
  return lesson;
}

export type CheckBlock = Extract<LessonBlock, { type: 'check' }>;

/** The first single-answer check of a lesson, with one right and one wrong option as plain text. */
export function firstCheck(lesson: Lesson): { right: string; wrong: string } {
  const check = lesson.blocks.find((b): b is CheckBlock => b.type === 'check' && !b.multiple);
  if (!check) throw new Error(`${lesson.id} has no single-answer check`);
  const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
  const right = check.options.find((o) => o.correct);
  const wrong = check.options.find((o) => !o.correct);
  if (!right || !wrong) throw new Error(`${lesson.id}: check lacks a right or wrong option`);
  return { right: text(right.html), wrong: text(wrong.html) };
}
