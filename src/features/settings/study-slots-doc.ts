// The study slots as the synced doc `study-slots`: read live for the Settings screen, and written with the
// device's current time zone, so a learner who moves (or whose laptop does) gets reminders at local times.
import { docsRepo } from '../../db/docs-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import {
  parseStudySlots,
  STUDY_SLOTS_DOC_ID,
  type StudySlot,
  type StudySlots,
} from '../../shared/planning/reminder-slots';

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function useStudySlots(): StudySlots | undefined {
  return useLiveQuery(
    async () => parseStudySlots((await docsRepo.get(STUDY_SLOTS_DOC_ID))?.body, deviceTimeZone()),
    [],
  );
}

export async function saveStudySlots(slots: readonly StudySlot[]): Promise<void> {
  await docsRepo.put(STUDY_SLOTS_DOC_ID, { slots: [...slots], timeZone: deviceTimeZone() });
}
