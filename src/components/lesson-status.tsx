import type { LessonState } from '../shared/progress/lesson-state';

const text: Record<LessonState, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started',
};
const icon: Record<LessonState, string> = { done: '✓', 'in-progress': '◐', 'not-started': '○' };

/** A lesson's state in words with an icon beside them, so it never rests on colour alone. */
export function LessonStatus({ state }: { state: LessonState }) {
  return (
    <span className={`status status--${state}`}>
      <span aria-hidden="true" className="status__icon">
        {icon[state]}
      </span>{' '}
      {text[state]}
    </span>
  );
}
