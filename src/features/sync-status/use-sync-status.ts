// The engine's status for React, or null while the engine is not loaded (no account, or still starting).
import { useStore } from '../../lib/stores/use-store';
import { appSync } from '../../sync/app-sync';
import type { SyncStatus } from '../../sync/sync-status';

export function useSyncStatus(): SyncStatus | null {
  return useStore(appSync.status);
}
