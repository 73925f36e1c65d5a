import { useSyncExternalStore } from 'react';

const nothingToWatch = () => () => undefined;

/**
 * False while the app is adopting a page the build rendered (hydration), and on the server that renders
 * it; true once the app's own handlers are attached, and always in a page the app rendered itself. What
 * only works with the app (a check's answer) waits for it, so nothing pressed before is lost.
 */
export function useAdopted(): boolean {
  return useSyncExternalStore(
    nothingToWatch,
    () => true,
    () => false,
  );
}
