import type { Catalog } from '../content/content-types';
import { type CourseLesson, courseLessons } from '../content/course-lessons';
import type { Role } from '../device/settings';
import type { Progress } from '../progress/progress';
import { remainingMinutes } from '../progress/remaining-minutes';
import { takeInOrder } from './take-in-order';

export const SLOT_MINUTES = [2, 5, 10, 15] as const;
export type SlotMinutes = (typeof SLOT_MINUTES)[number];

/** A knowledge check answered once already, due to be asked again (see refresher-schedule.ts). */
export type RefresherRef = { lessonId: string; checkId: string };

/** One refresher is a single question and its explanation. */
export const REFRESHER_MINUTES = 1;

export type SlotItem =
  | {
      kind: 'lesson';
      lessonId: string;
      moduleId: string;
      /** Minutes still needed: the whole lesson, or what is left of one already started. */
      minutes: number;
      reason: 'in-progress' | 'next-in-pathway';
    }
  | {
      kind: 'refresher';
      lessonId: string;
      checkId: string;
      /** Undefined when the check's lesson is no longer in the catalogue. */
      moduleId?: string;
      minutes: number;
      reason: 'refresher';
    };

export type SlotPlan = {
  items: SlotItem[];
  totalMinutes: number;
  /**
   * False only when nothing fitted and the plan offers the single shortest next item instead: show it as
   * "about N minutes" rather than pretending it fits the slot.
   */
  fits: boolean;
};

export type PlanSlotInput = {
  minutes: SlotMinutes;
  catalog: Catalog;
  progress: Progress;
  /** The learner's role, whose pathway orders the modules; undefined means catalogue order. */
  pathway?: Role;
  /** Due refreshers, most overdue first (as `dueRefreshers` returns them). */
  refreshersDue: readonly RefresherRef[];
  /** The lesson the learner is part-way through (`planToday().continueWith`), if any. */
  inProgress?: string;
  /** Modules of team assignments due soon, soonest first (`dueSoonModules`): their lessons come first. */
  assigned?: readonly string[];
};

/**
 * What to study in a short slot, in order, never more minutes than the slot:
 * 1. the lesson in progress, when what is left of it fits;
 * 2. the next lessons in pathway order (modules assigned and due soon first, then role modules, then the
 *    rest of the catalogue), skipping completed ones and stopping at the first that does not fit, so
 *    lessons are never taken out of order to fill a gap;
 * 3. due refreshers, most overdue first, in the minutes left. A 2-minute slot is shorter than any lesson,
 *    so this is how it gets refreshers rather than a lesson that cannot fit.
 * When nothing fits, the plan is the single shortest of the next items (what is left of the lesson in
 * progress, or the next lesson in the pathway; the lesson in progress wins a tie) with `fits: false`, so
 * the screen can say "about N minutes" honestly. Everything done and nothing due gives an empty plan.
 */
export function planSlot({
  minutes: slot,
  catalog,
  progress,
  pathway,
  refreshersDue,
  inProgress,
  assigned,
}: PlanSlotInput): SlotPlan {
  const lessons = courseLessons(catalog, pathway, assigned).filter(
    ({ lesson }) => !progress.get(lesson.id)?.completed,
  );
  const current = lessons.find(({ lesson }) => lesson.id === inProgress);
  const next = lessons.filter((entry) => entry !== current);

  const items: SlotItem[] = [];
  let left = slot;
  const take = (item: SlotItem) => {
    items.push(item);
    left -= item.minutes;
  };

  const currentItem = current && lessonItem(current, 'in-progress', progress);
  if (currentItem && currentItem.minutes <= left) take(currentItem);
  const nextItems = next.map((entry) => lessonItem(entry, 'next-in-pathway', progress));
  for (const item of takeInOrder(nextItems, left)) take(item);

  const moduleOf = new Map<string, string>();
  for (const module of catalog.modules)
    for (const lesson of module.lessons) moduleOf.set(lesson.id, module.id);
  const seen = new Set<string>();
  for (const ref of refreshersDue) {
    if (left < REFRESHER_MINUTES) break;
    const key = `${ref.lessonId}\u0000${ref.checkId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const moduleId = moduleOf.get(ref.lessonId);
    take({
      kind: 'refresher',
      lessonId: ref.lessonId,
      checkId: ref.checkId,
      ...(moduleId ? { moduleId } : {}),
      minutes: REFRESHER_MINUTES,
      reason: 'refresher',
    });
  }

  if (items.length > 0) return { items, totalMinutes: slot - left, fits: true };
  // Only the lesson in progress and the very next lesson are "next": offering a later, shorter lesson
  // would take the course out of order.
  const candidates = [currentItem, nextItems[0]].filter((item): item is SlotItem => item !== undefined);
  const shortest = candidates.reduce<SlotItem | undefined>(
    (best, item) => (!best || item.minutes < best.minutes ? item : best),
    undefined,
  );
  return shortest
    ? { items: [shortest], totalMinutes: shortest.minutes, fits: false }
    : { items: [], totalMinutes: 0, fits: true };
}

function lessonItem(
  { module, lesson }: CourseLesson,
  reason: 'in-progress' | 'next-in-pathway',
  progress: Progress,
): SlotItem {
  const minutes = remainingMinutes(lesson, progress.get(lesson.id));
  return { kind: 'lesson', lessonId: lesson.id, moduleId: module.id, minutes, reason };
}
