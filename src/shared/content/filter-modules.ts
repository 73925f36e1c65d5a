import type { Role } from '../device/settings';
import type { Area, CatalogModule } from './content-types';

export type ModuleFilter = { role?: Role; area?: Area };

/** Modules for a role (a module for `all` suits every role) and an area of need, in catalogue order. */
export function filterModules(
  modules: readonly CatalogModule[],
  { role, area }: ModuleFilter,
): CatalogModule[] {
  return modules
    .filter((m) => !role || m.audiences.includes('all') || m.audiences.includes(role))
    .filter((m) => !area || m.areas.includes(area))
    .sort((a, b) => a.order - b.order);
}
