import { type FormEvent, useId, useState } from 'react';
import {
  CONFIDENCE_SCALE,
  type ConfidenceRating,
  type ConfidenceStage,
} from '../../shared/progress/module-confidence';

type Props = {
  stage: ConfidenceStage;
  statements: readonly string[];
  /** Resolves false when the answers could not be saved (the learner's choices stay on screen). */
  onSave: (ratings: ConfidenceRating[]) => Promise<boolean>;
  onSkip: () => void;
};

/**
 * Three or four "I feel confident to …" statements, each on the five-point scale. Any statement may be
 * left out, and the whole question skipped: it is never in the way of the lessons.
 */
export function ConfidenceSurvey({ stage, statements, onSave, onSkip }: Props) {
  const id = useId();
  const [ratings, setRatings] = useState<(number | undefined)[]>(() => statements.map(() => undefined));
  const [hint, setHint] = useState('');
  const [saving, setSaving] = useState(false);
  const headingId = `${id}-heading`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answered: ConfidenceRating[] = [];
    statements.forEach((statement, i) => {
      const rating = ratings[i];
      if (rating !== undefined) answered.push({ statement, rating });
    });
    if (answered.length === 0) {
      setHint('Choose how confident you feel for at least one statement, or press “Not now”.');
      return;
    }
    setSaving(true);
    await onSave(answered);
    setSaving(false);
  };

  return (
    <section className="card confidence" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {stage === 'before'
          ? 'Before you start: how confident do you feel?'
          : 'You have finished: how confident do you feel now?'}
      </h2>
      <p>
        {stage === 'before'
          ? 'Rate each statement now, and again when you finish the module, to see what changed. It takes a minute, and you can skip it.'
          : 'Rate the same statements again. Your CPD record will show how your confidence changed. You can skip this.'}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        {statements.map((statement, i) => (
          <fieldset key={statement} className="choice">
            <legend>{statement}</legend>
            {CONFIDENCE_SCALE.map((label, n) => (
              <label key={label} className="option">
                <input
                  type="radio"
                  name={`${id}-${i}`}
                  value={n + 1}
                  checked={ratings[i] === n + 1}
                  onChange={() => {
                    setHint('');
                    setRatings((current) => current.map((r, j) => (j === i ? n + 1 : r)));
                  }}
                />
                <span>
                  {n + 1} – {label}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <div aria-live="polite">{hint && <p>{hint}</p>}</div>
        <p>
          <button type="submit" className="button" disabled={saving}>
            Save my answers
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={onSkip}>
            Not now
          </button>
        </p>
      </form>
    </section>
  );
}
