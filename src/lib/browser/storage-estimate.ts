// A thin wrapper over the Storage API (navigator.storage): how much this site stores, and whether the
// browser promised to keep it under storage pressure. Every call resolves, never rejects: browsers without
// the API (older Safari, jsdom) get `undefined` / 'unsupported', and the screen explains instead.
export type StorageUse = { usage: number; quota: number };
export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

function storage(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

export const storageEstimate = {
  async usage(): Promise<StorageUse | undefined> {
    try {
      const estimate = await storage()?.estimate?.();
      if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return undefined;
      return { usage: estimate.usage, quota: estimate.quota };
    } catch {
      return undefined;
    }
  },

  async persisted(): Promise<Persistence> {
    try {
      const api = storage();
      if (!api?.persisted) return 'unsupported';
      return (await api.persisted()) ? 'persisted' : 'not-persisted';
    } catch {
      return 'unsupported';
    }
  },

  /** Asks once the learner has committed (downloaded a module); browsers may decline without asking. */
  async requestPersistence(): Promise<Persistence> {
    try {
      const api = storage();
      if (!api?.persist) return 'unsupported';
      if (await api.persisted?.()) return 'persisted';
      return (await api.persist()) ? 'persisted' : 'not-persisted';
    } catch {
      return 'unsupported';
    }
  },
};
