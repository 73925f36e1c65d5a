import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { docsRepo } from '../../db/docs-repo';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useCatalogStatus } from '../../lib/catalog-status';
import type { Catalog } from '../../shared/content-types';
import { planToday, type TodayPlan } from '../../shared/plan-today';
import { foldProgress } from '../../shared/progress';
import { parseSettings, type Settings } from '../../shared/settings';

export type TodayView =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; catalog: Catalog; plan: TodayPlan; settings: Settings };

export function useToday(): TodayView {
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const settingsDoc = useLiveQuery(async () => (await docsRepo.get('settings')) ?? null, []);
  const status = useCatalogStatus();
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);
  const settings = useMemo(() => parseSettings(settingsDoc?.body), [settingsDoc]);

  return useMemo((): TodayView => {
    if (catalog === null && status === 'failed') return { state: 'unavailable' };
    if (!catalog || !progress || settingsDoc === undefined) return { state: 'loading' };
    return { state: 'ready', catalog, settings, plan: planToday(catalog, progress, settings.role) };
  }, [catalog, progress, settings, settingsDoc, status]);
}
