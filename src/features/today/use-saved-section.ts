import { docsRepo } from '../../db/docs-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

/** The section id of the reading position saved for a lesson (doc `position:<lessonId>`), if any. */
export function useSavedSection(lessonId: string | undefined): string | undefined {
  return useLiveQuery(async () => {
    if (!lessonId) return undefined;
    const doc = await docsRepo.get(`position:${lessonId}`);
    const sectionId = doc?.body.sectionId;
    return typeof sectionId === 'string' ? sectionId : undefined;
  }, [lessonId]);
}
