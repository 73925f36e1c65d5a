import { type FormEvent, memo, useEffect, useId, useRef, useState } from 'react';
import { CompiledHtml } from '../components/compiled-html';
import type { LessonBlock } from '../shared/content/content-types';
import { inlineHtml } from '../shared/content/inline-html';
import type { CheckProgress } from '../shared/progress/progress';

type CheckBlockData = Extract<LessonBlock, { type: 'check' }>;
type Props = {
  block: CheckBlockData;
  progress: CheckProgress | undefined;
  /** False until the learner's progress has been read. */
  usable: boolean;
  /** Records an attempt: one function for the whole lesson, so a new callback never renders the check. */
  onAnswer: (checkId: string, optionIds: string[], correct: boolean) => Promise<boolean>;
};
type Result = { optionIds: string[]; correct: boolean };

function isCorrect(block: CheckBlockData, chosen: string[]): boolean {
  const right = block.options.filter((o) => o.correct).map((o) => o.id);
  return right.length === chosen.length && right.every((id) => chosen.includes(id));
}

/** A knowledge check: every attempt is recorded; feedback is spoken through a live region. */
export const CheckBlock = memo(function CheckBlock({ block, progress, usable, onAnswer }: Props) {
  const name = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [hint, setHint] = useState('');
  /** The attempt is being stored: the answer cannot change or be sent twice meanwhile. */
  const [recording, setRecording] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const answered = useRef(false);

  // The button pressed disappears, so keyboard users are taken to what comes next: "Try again" after a
  // wrong answer, the feedback after a right one, and the first option after "Try again".
  useEffect(() => {
    if (!answered.current) return;
    if (!result) fieldset.current?.querySelector('input')?.focus();
    else if (result.correct) feedback.current?.focus();
    else retryButton.current?.focus();
  }, [result]);

  const toggle = (optionId: string, on: boolean) => {
    setHint('');
    if (!block.multiple) setChosen([optionId]);
    else setChosen((current) => (on ? [...current, optionId] : current.filter((id) => id !== optionId)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (recording) return;
    if (chosen.length === 0) {
      setHint(block.multiple ? 'Choose one or more answers first.' : 'Choose an answer first.');
      return;
    }
    const optionIds = block.options.map((o) => o.id).filter((id) => chosen.includes(id));
    const correct = isCorrect(block, optionIds);
    // The feedback shows once the attempt is stored: shown before, a reload in between lost the answer.
    // If it cannot be stored the learner is told (write-errors) and can press again.
    setRecording(true);
    const stored = await onAnswer(block.id, optionIds, correct);
    setRecording(false);
    if (!stored) return;
    answered.current = true;
    setResult({ optionIds, correct });
  };

  const tryAgain = () => {
    setResult(null);
    setChosen([]);
  };

  const attempts = progress?.attempts.length ?? 0;

  return (
    // Inert until the learner's progress is read: on a lesson page rendered at build time that is also
    // until the app has adopted it, before which an answer chosen would be lost, and a press would submit
    // the form as a page load.
    <form className="check" inert={!usable} onSubmit={(e) => void submit(e)}>
      <fieldset ref={fieldset} disabled={result !== null || recording}>
        <legend>
          <span className="check__label">Check your understanding:</span>{' '}
          <CompiledHtml as="span" className="check__question" html={inlineHtml(block.question)} />
        </legend>
        {block.multiple && <p className="meta">Choose all the answers that are right.</p>}
        <div className="check__options">
          {block.options.map((option) => (
            <label key={option.id} className="option">
              <input
                type={block.multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={(e) => toggle(option.id, e.target.checked)}
              />
              <CompiledHtml as="span" html={inlineHtml(option.html)} />
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite" className="check__feedback">
        {hint && <p>{hint}</p>}
        {result && (
          <div
            ref={feedback}
            tabIndex={-1}
            className={result.correct ? 'feedback feedback--correct' : 'feedback feedback--incorrect'}
          >
            <p className="feedback__title">
              <span aria-hidden="true">{result.correct ? '✓' : '✗'}</span>{' '}
              {result.correct ? 'Correct.' : 'Not quite.'}
              {!result.correct && block.multiple && ' More than one answer is right: choose all of them.'}
            </p>
            {block.options
              .filter((o) => result.optionIds.includes(o.id))
              .map((o) => (
                <div key={o.id} className="feedback__option">
                  <p className="feedback__chosen">
                    You chose: <CompiledHtml as="span" html={inlineHtml(o.html)} />
                  </p>
                  <CompiledHtml html={o.explanation} />
                </div>
              ))}
          </div>
        )}
      </div>
      {result === null ? (
        <button type="submit" className="button">
          Check answer
        </button>
      ) : (
        !result.correct && (
          <button ref={retryButton} type="button" className="button" onClick={tryAgain}>
            Try again
          </button>
        )
      )}
      {progress && attempts > 0 && (
        <p className="meta">
          {attempts === 1 ? '1 attempt' : `${attempts} attempts`} · latest{' '}
          {progress.latest.correct ? 'correct' : 'not correct'} · best{' '}
          {progress.best.correct ? 'correct' : 'not yet correct'}
        </p>
      )}
    </form>
  );
});
