// The one check a module bundle passes before the app shows it from the network or stores it: it must be
// the bundle the catalogue names (same module id and content hash) and hold that module's lessons. The
// downloader (src/downloads/module-downloader.ts) and the lesson page (src/features/lesson/use-lesson.ts) both use
// it, and modulesRepo.storeBundle refuses any bundle that fails it, so a damaged or mislabelled bundle
// never reaches IndexedDB under the catalogue's hash.
import type { CatalogModule, ModuleBundle } from './content-types';

export class BundleMismatchError extends Error {
  override name = 'BundleMismatchError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `value` is not the bundle `module` names, or undefined when it is. */
export function bundleProblem(
  module: Pick<CatalogModule, 'id' | 'hash'>,
  value: unknown,
): string | undefined {
  if (!isRecord(value)) return 'not a module bundle';
  if (value.id !== module.id) return `it is module ${String(value.id)}, not ${module.id}`;
  // The hash names the content: a different one is another version than the catalogue describes.
  if (value.hash !== module.hash)
    return `its version ${String(value.hash)} is not the catalogue's ${module.hash}`;
  if (!Array.isArray(value.lessons)) return 'it has no lessons';
  const stray = value.lessons.find(
    (lesson: unknown) => !isRecord(lesson) || typeof lesson.id !== 'string' || lesson.moduleId !== module.id,
  );
  if (stray !== undefined) return 'a lesson in it has no id or belongs to another module';
  return undefined;
}

/** The bundle, checked; throws BundleMismatchError with the reason when it is not the one `module` names. */
export function checkedBundle(module: Pick<CatalogModule, 'id' | 'hash'>, value: unknown): ModuleBundle {
  const problem = bundleProblem(module, value);
  if (problem !== undefined) throw new BundleMismatchError(`Module ${module.id}: ${problem}.`);
  return value as ModuleBundle;
}
