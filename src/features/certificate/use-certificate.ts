import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { settingsStore } from '../../db/settings-store';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog, useCatalogStatus } from '../../lib/stores/catalog-status';
import { useStoreValue } from '../../lib/stores/use-store-value';
import type { CatalogModule } from '../../shared/content/content-types';
import { buildCpdRecord, type CpdLesson, type CpdModule } from '../../shared/progress/cpd-record';

export type CertificateView =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'not-found' }
  | { state: 'not-completed'; module: CatalogModule; done: number }
  | {
      state: 'ready';
      module: CpdModule;
      lessons: CpdLesson[];
      /** When the first of its lessons was completed. */
      startedAt: string;
      msSpent: number;
      /** The name on certificates from settings, else the account's display name; undefined when neither. */
      name?: string;
      contentVersion: string;
    };

export function useCertificate(moduleId: string): CertificateView {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const settings = useStoreValue(settingsStore);
  const accountName = useLiveQuery(() => metaRepo.accountName(), []);
  const status = useCatalogStatus();

  return useMemo((): CertificateView => {
    if (catalog === null && status === 'failed') return { state: 'unavailable' };
    if (!catalog || !events || settings === undefined || accountName === undefined) {
      return { state: 'loading' };
    }
    const module = catalog.modules.find((m) => m.id === moduleId);
    if (!module) return { state: 'not-found' };
    const record = buildCpdRecord({ events, catalog, notes: [] });
    const completed = record.modules.find((m) => m.moduleId === moduleId);
    const lessons = record.lessons.filter((l) => l.moduleId === moduleId);
    if (!completed) return { state: 'not-completed', module, done: lessons.length };
    const name = settings.certificateName ?? accountName ?? undefined;
    return {
      state: 'ready',
      module: completed,
      lessons,
      startedAt: lessons[0]?.completedAt ?? completed.completedAt,
      msSpent: lessons.reduce((sum, l) => sum + l.msSpent, 0),
      ...(name ? { name } : {}),
      contentVersion: catalog.version,
    };
  }, [catalog, events, settings, accountName, status, moduleId]);
}
