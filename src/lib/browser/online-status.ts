// Whether the browser believes it has a connection (`navigator.onLine` and its events). A "true" can
// still fail (captive portal, server down), so callers treat it as a hint and handle failed fetches.
import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const snapshot = (): boolean => navigator.onLine !== false;

export function useOnlineStatus(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
