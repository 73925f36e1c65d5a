import { useId } from 'react';
import { format } from '../lib/text/format';

type Props = { done: number; total: number; label: string };

/** "3 of 12 lessons done" with a progress bar named by that sentence. */
export function ProgressSummary({ done, total, label }: Props) {
  const id = useId();
  const percent = format.percent(done, total);
  return (
    <div className="progress-summary">
      <p id={id}>
        {label}: {done} of {total} lessons done ({percent}%)
      </p>
      <progress aria-labelledby={id} max={Math.max(total, 1)} value={done} />
    </div>
  );
}
