import type { Catalog } from '../shared/content/content-types';

/**
 * Lesson ids in `previous` that `next` no longer has. Progress is stored against lesson ids, so a
 * vanished id usually means someone renamed one by mistake; the build log says so.
 */
export function removedLessons(previous: Catalog, next: Catalog): string[] {
  const now = new Set(next.modules.flatMap((m) => m.lessons.map((l) => l.id)));
  return previous.modules
    .flatMap((m) => m.lessons.map((l) => l.id))
    .filter((id) => !now.has(id))
    .sort();
}
