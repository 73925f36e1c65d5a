import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { settingsStore } from '../../db/settings-store';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog, useCatalogStatus } from '../../lib/stores/catalog-status';
import { useStoreValue } from '../../lib/stores/use-store-value';
import type { Catalog } from '../../shared/content/content-types';
import type { Settings } from '../../shared/device/settings';
import { planToday, type TodayPlan } from '../../shared/planning/plan-today';
import type { LearnerEvent } from '../../shared/progress/events';
import { foldProgress, type Progress } from '../../shared/progress/progress';
import type { DueRefresher } from '../../shared/progress/refresher-schedule';
import type { TeamState } from './today-teams';

export type TodayView =
  /** `askRole`: a new learner's first question needs only their settings, not the course. */
  | { state: 'loading'; askRole: boolean }
  | { state: 'unavailable'; askRole: boolean }
  | {
      state: 'ready';
      catalog: Catalog;
      plan: TodayPlan;
      settings: Settings;
      progress: Progress;
      /** Refreshers due now whose lesson is on this device, most overdue first. */
      due: DueRefresher[];
      /** The monthly "keep it fresh" prompt: see `keepFreshDue`. */
      keepFresh: boolean;
      /** The learner's team assignments, from the teams stored on this device (so offline too). */
      team?: TeamState;
    };

/**
 * Today's data. The monthly "keep it fresh" prompt shows only when `monthlyPromptDue` (a lesson completed,
 * no refresher answered in 30 days) and at least one refresher is due and on this device: a prompt that
 * leads to an empty session would teach people to ignore it.
 */
export function useToday(): TodayView {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const settings = useStoreValue(settingsStore);
  const refreshers = useLiveQuery(
    async () => (events ? refresherState(events, new Date()) : undefined),
    [events],
  );
  const status = useCatalogStatus();
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);
  const team = useLiveQuery(
    async () => (catalog && progress ? teamState(catalog, progress) : undefined),
    [catalog, progress],
  );

  // Kept the same object while its content is (the catalogue's status changing, say), so Today is not
  // rendered again for nothing.
  const ready = useMemo((): TodayView | null => {
    if (!catalog || !progress || !events || !settings) return null;
    return {
      state: 'ready',
      catalog,
      settings,
      progress,
      plan: planToday(catalog, progress, settings.role, 3, team?.soon),
      due: refreshers?.due ?? NO_REFRESHERS.due,
      keepFresh: refreshers?.keepFresh ?? false,
      team,
    };
  }, [catalog, progress, events, refreshers, settings, team]);

  // A new learner is asked while the course and their progress load (on a first visit that is the first
  // thing to read, a network round trip and several database reads sooner), and when the course cannot
  // load: the answer is kept on the device either way.
  const askRole = settings !== undefined && !settings.role;
  if (catalog === null && status === 'failed') return askRole ? UNAVAILABLE_ASKING_ROLE : UNAVAILABLE;
  if (ready) return ready;
  return askRole ? LOADING_ASKING_ROLE : LOADING;
}

const LOADING: TodayView = { state: 'loading', askRole: false };
const LOADING_ASKING_ROLE: TodayView = { state: 'loading', askRole: true };
const UNAVAILABLE: TodayView = { state: 'unavailable', askRole: false };
const UNAVAILABLE_ASKING_ROLE: TodayView = { state: 'unavailable', askRole: true };
const NO_REFRESHERS: { due: DueRefresher[]; keepFresh: boolean } = { due: [], keepFresh: false };

/**
 * Due refreshers the device can show (the lesson is downloaded and still has the check; one from a lesson
 * not on the device waits until it is, rather than failing offline) and whether to show the monthly
 * prompt. The scheduler (ts-fsrs, about 7 KB gzipped) loads after Today's first paint, keeping it out of
 * the first screen's JavaScript budget; until then Today simply shows no refreshers.
 */
async function refresherState(
  events: readonly LearnerEvent[],
  now: Date,
): Promise<{ due: DueRefresher[]; keepFresh: boolean }> {
  // A refresher only ever follows a check answered correctly: a new learner has none, and their first
  // visit does not download the scheduler at all.
  if (!events.some((e) => e.type === 'check-answered' && e.payload.correct))
    return { due: [], keepFresh: false };
  const { dueRefreshers, monthlyPromptDue } = await import('../../shared/progress/refresher-schedule');
  const all = dueRefreshers(events, now);
  const checks = new Map<string, Set<string>>();
  for (const lessonId of new Set(all.map((d) => d.lessonId))) {
    const lesson = await lessonsRepo.get(lessonId);
    checks.set(lessonId, new Set(lesson?.blocks.filter((b) => b.type === 'check').map((b) => b.id) ?? []));
  }
  const due = all.filter((d) => checks.get(d.lessonId)?.has(d.checkId));
  return { due, keepFresh: due.length > 0 && monthlyPromptDue(events, now) };
}

/**
 * The team assignments stored on this device (sync-store keeps only the signed-in learner's). Their code,
 * and the card that shows them, loads only for a learner in a team, so the first screen carries none of it.
 */
async function teamState(catalog: Catalog, progress: Progress): Promise<TeamState | undefined> {
  const teams = (await metaRepo.get('teams'))?.teams;
  if (teams?.length) return (await import('./today-teams')).teamState(catalog, progress, teams, new Date());
}
