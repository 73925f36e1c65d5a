import type { Progress } from './progress';

export type LessonState = 'done' | 'in-progress' | 'not-started';

export function lessonState(progress: Progress, lessonId: string): LessonState {
  const p = progress.get(lessonId);
  if (p?.completed) return 'done';
  return p?.firstOpenedAt ? 'in-progress' : 'not-started';
}
