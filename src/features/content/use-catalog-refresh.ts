// Fetches the course catalogue once per app start and keeps it in Dexie, where every screen reads it;
// screens show the fetched copy at once, before it is stored (useCatalog).
// Offline, the cached copy keeps working; with no copy, screens learn from catalogStatus that it failed,
// and the fetch is tried again when the signal returns, so those screens fill in by themselves.
import { useEffect, useRef } from 'react';
import { metaRepo } from '../../db/meta-repo';
import { contentFetch } from '../../lib/browser/content-fetch';
import { isQuotaError } from '../../lib/browser/is-quota-error';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { catalogStatus } from '../../lib/stores/catalog-status';
import { writeErrors } from '../../lib/stores/write-errors';

export function useCatalogRefresh(): void {
  const online = useOnlineStatus();
  const fetched = useRef(false);

  useEffect(() => {
    // Going offline after a failure is no reason to try again (and to flash "loading" meanwhile).
    if (fetched.current || (!online && catalogStatus.get() === 'failed')) return;
    let cancelled = false;
    const refresh = async () => {
      catalogStatus.set('loading');
      try {
        const catalog = await contentFetch.catalog();
        if (cancelled) return;
        catalogStatus.received(catalog);
        await metaRepo.putCatalog(catalog);
        fetched.current = true;
        catalogStatus.set('ready');
      } catch (error) {
        if (cancelled) return;
        catalogStatus.set('failed');
        // A full disk is the learner's to fix, so say so; a failed fetch is shown by the screens.
        if (isQuotaError(error)) writeErrors.report(error);
      }
    };
    void refresh();
    return () => {
      cancelled = true;
    };
  }, [online]);
}
