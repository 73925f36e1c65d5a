import { useEffect, useState } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import type { LessonBlock } from '../../shared/content/content-types';
import { dueRefreshers, nextDueAt } from '../../shared/progress/refresher-schedule';

export type RefresherCheck = Extract<LessonBlock, { type: 'check' }>;
export type RefresherItem = {
  lessonId: string;
  lessonTitle: string;
  moduleTitle?: string;
  check: RefresherCheck;
};

export type RefresherSession =
  | { state: 'loading' }
  | { state: 'ready'; items: RefresherItem[]; nextDue: string | null };

export const DEFAULT_COUNT = 5;
export const MAX_COUNT = 10;

/**
 * The questions of one refresher session, chosen once when it opens: the most overdue checks whose lesson
 * is on this device (so a session works offline). Answering changes the schedule, so the list is a
 * snapshot rather than a live query: a question never vanishes under the learner.
 */
export function useRefresherSession(count: number): RefresherSession {
  const [session, setSession] = useState<RefresherSession>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const now = new Date();
      const [events, catalog] = await Promise.all([eventsRepo.all(), metaRepo.getCatalog()]);
      const items: RefresherItem[] = [];
      for (const due of dueRefreshers(events, now)) {
        if (items.length >= count) break;
        const lesson = await lessonsRepo.get(due.lessonId);
        const check = lesson?.blocks.find(
          (b): b is RefresherCheck => b.type === 'check' && b.id === due.checkId,
        );
        if (!lesson || !check) continue;
        const module = catalog?.modules.find((m) => m.id === lesson.moduleId);
        items.push({
          lessonId: lesson.id,
          lessonTitle: lesson.title,
          ...(module ? { moduleTitle: module.title } : {}),
          check,
        });
      }
      if (!cancelled) setSession({ state: 'ready', items, nextDue: nextDueAt(events, now) });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [count]);

  return session;
}
