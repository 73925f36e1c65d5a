import { settingsStore } from '../../db/settings-store';
import { useStoreValue } from '../../lib/stores/use-store-value';
import type { Role } from '../../shared/device/settings';

/** The learner's role, for their pathway; undefined before one is chosen (and while settings are read). */
export function useRole(): Role | undefined {
  return useStoreValue(settingsStore)?.role;
}
