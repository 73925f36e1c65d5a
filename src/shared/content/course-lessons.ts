import type { Role } from '../device/settings';
import type { Catalog, CatalogLesson, CatalogModule } from './content-types';

export type CourseLesson = { module: CatalogModule; lesson: CatalogLesson };

/**
 * Every lesson in the order a learner should take them: the modules `assigned` by a team and due soon
 * (soonest first), then the modules of their role's pathway, in the pathway's order, then the rest of the
 * catalogue by `order`. Without a role (or a pathway for it) or assignments, plain catalogue order.
 */
export function courseLessons(
  catalog: Catalog,
  role?: Role,
  assigned: readonly string[] = [],
): CourseLesson[] {
  const byOrder = [...catalog.modules].sort((a, b) => a.order - b.order);
  const pathway = role ? catalog.pathways.find((p) => p.role === role) : undefined;
  const first = [...assigned, ...(pathway?.modules ?? [])]
    .map((id) => byOrder.find((m) => m.id === id))
    .filter((m): m is CatalogModule => m !== undefined);
  const rest = byOrder.filter((m) => !first.includes(m));
  return [...new Set([...first, ...rest])].flatMap((module) =>
    module.lessons.map((lesson) => ({ module, lesson })),
  );
}
