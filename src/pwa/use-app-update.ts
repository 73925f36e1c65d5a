// Registers the service worker and reports when a new version is waiting. The page is never reloaded on
// its own: the learner presses Update when it suits them (DESIGN.md §7), so nobody loses their place.

import { useRegisterSW } from 'virtual:pwa-register/react';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

export type AppUpdate = {
  updateReady: boolean;
  offlineReady: boolean;
  applyUpdate: () => void;
  dismiss: () => void;
  dismissOfflineReady: () => void;
};

export function useAppUpdate(): AppUpdate {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Long-lived tabs (an installed app left open all week) look for a new version hourly and on return.
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });

  return {
    updateReady: needRefresh,
    offlineReady,
    applyUpdate: () => {
      void updateServiceWorker(true);
    },
    dismiss: () => setNeedRefresh(false),
    dismissOfflineReady: () => setOfflineReady(false),
  };
}
