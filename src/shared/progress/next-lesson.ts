import type { Catalog } from '../content/content-types';

export type LessonRef = { moduleId: string; lessonId: string };

/**
 * Where "Next lesson" leads: the next lesson in the module, else the first lesson of the next module in
 * catalogue order, else null (the end of the course: back to the module).
 */
export function nextLesson(catalog: Catalog, moduleId: string, lessonId: string): LessonRef | null {
  const modules = [...catalog.modules].sort((a, b) => a.order - b.order);
  const index = modules.findIndex((m) => m.id === moduleId);
  const module = modules[index];
  if (!module) return null;
  const position = module.lessons.findIndex((l) => l.id === lessonId);
  const following = module.lessons[position + 1];
  if (position >= 0 && following) return { moduleId, lessonId: following.id };
  const nextModule = modules.slice(index + 1).find((m) => m.lessons.length > 0);
  const first = nextModule?.lessons[0];
  return nextModule && first ? { moduleId: nextModule.id, lessonId: first.id } : null;
}
