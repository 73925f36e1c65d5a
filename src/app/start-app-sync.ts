// Sync starts once the first screen is up, so nothing of it (not even the small loader) delays that screen;
// the engine and zod come later still, and only on a device with an account.
export function startAppSync(): void {
  const start = () => {
    import('../sync/app-sync').then(({ appSync }) => appSync.startIfSignedIn()).catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else window.setTimeout(start, 500);
}
