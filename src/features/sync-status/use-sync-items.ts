import { docsRepo } from '../../db/docs-repo';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog } from '../../lib/stores/catalog-status';
import type { Catalog } from '../../shared/content/content-types';
import type { RejectedItem } from '../../sync/sync-status';

/** A lesson as the sync page names it: its title, and its address when the catalogue still has it. */
export type NamedLesson = { lessonId: string; title: string; href?: string };
export type NamedRejection = { id: string; what: string; lesson?: NamedLesson; reason: string };

const NOTE = 'note:';
// The outbox's id for a doc edit (src/sync/outbox.ts).
const DOC_ITEM = 'doc:';

function nameLesson(catalog: Catalog | null | undefined, lessonId: string): NamedLesson {
  for (const module of catalog?.modules ?? []) {
    const lesson = module.lessons.find((l) => l.id === lessonId);
    if (lesson) return { lessonId, title: lesson.title, href: `/modules/${module.id}/${lesson.id}` };
  }
  return { lessonId, title: 'a lesson no longer in the course' };
}

/** A refusal in the learner's words: the server's byte counts become what they mean; other reasons are words already. */
export function plainReason(reason: string): string {
  if (/larger than \d+ bytes|too large/i.test(reason)) return 'it is longer than the backup accepts (64 KB).';
  if (/not valid/i.test(reason)) return 'it was stored in a form the server cannot read.';
  return reason.endsWith('.') ? reason : `${reason}.`;
}

/**
 * The notes changed on two devices and the items the server refused, each named by its lesson, so the
 * sync page can say which they are and link to them.
 */
export function useSyncItems(rejected: readonly RejectedItem[]): {
  conflicts: NamedLesson[] | undefined;
  rejections: NamedRejection[] | undefined;
} {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const notes = useLiveQuery(() => docsRepo.withPrefix(NOTE), []);
  const key = rejected.map((r) => r.id).join(',');
  // Read again when the list of refused ids changes (`key`), not on every new array of the same ids.
  const events = useLiveQuery(async () => {
    const ids = new Set(rejected.filter((r) => !r.id.startsWith(DOC_ITEM)).map((r) => r.id));
    if (ids.size === 0) return [];
    return (await eventsRepo.all()).filter((e) => ids.has(e.id));
  }, [key]);

  const conflicts = notes
    ?.filter((doc) => doc.conflict)
    .map((doc) => nameLesson(catalog, doc.id.split(':')[1] ?? ''));
  const rejections = events
    ? rejected.map((item): NamedRejection => {
        const reason = plainReason(item.reason);
        if (item.id.startsWith(`${DOC_ITEM}${NOTE}`)) {
          const lesson = nameLesson(catalog, item.id.split(':')[2] ?? '');
          return { id: item.id, what: 'Your note in', lesson, reason };
        }
        const event = events.find((e) => e.id === item.id);
        if (event?.lessonId) {
          return {
            id: item.id,
            what: 'Your progress in',
            lesson: nameLesson(catalog, event.lessonId),
            reason,
          };
        }
        return {
          id: item.id,
          what: item.id.startsWith(DOC_ITEM) ? 'A setting' : 'A record of your progress',
          reason,
        };
      })
    : undefined;
  return { conflicts, rejections };
}
