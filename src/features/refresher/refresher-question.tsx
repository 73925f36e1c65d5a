import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CompiledHtml } from '../../components/compiled-html';
import { inlineHtml } from '../../shared/content/inline-html';
import type { RefresherItem } from './use-refresher-session';

type Props = {
  item: RefresherItem;
  position: string;
  /** Records the answer; resolves false when it could not be saved (the learner is told by the layout). */
  onAnswer: (optionIds: string[], correct: boolean) => Promise<boolean>;
  onNext: () => void;
  last: boolean;
  /** False for the first question, where the page heading already has focus. */
  focusOnMount: boolean;
};

/** One refresher: the check's question, its options, then feedback with the explanation and "Next". */
export function RefresherQuestion({ item, position, onAnswer, onNext, last, focusOnMount }: Props) {
  const { check } = item;
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<{ correct: boolean } | null>(null);
  const [hint, setHint] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const name = useId();

  // Each new question takes focus, so a keyboard or screen reader user starts at its top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the question first shows.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  const toggle = (id: string) =>
    setChosen((current) =>
      check.multiple ? (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]) : [id],
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setHint('Choose an answer first.');
      return;
    }
    setHint('');
    const right = check.options.filter((o) => o.correct).map((o) => o.id);
    const correct = right.length === chosen.length && right.every((id) => chosen.includes(id));
    if (await onAnswer(chosen, correct)) setResult({ correct });
  };

  return (
    <form className="check refresher" onSubmit={(e) => void submit(e)}>
      <h2 ref={heading} tabIndex={-1}>
        {position}
      </h2>
      <p className="meta">
        From “{item.lessonTitle}”{item.moduleTitle ? ` in ${item.moduleTitle}` : ''}
      </p>
      <fieldset disabled={result !== null}>
        <legend>
          <CompiledHtml as="span" className="check__question" html={inlineHtml(check.question)} />
        </legend>
        {check.multiple && <p className="meta">Choose all the answers that are right.</p>}
        {check.options.map((option) => (
          <label key={option.id} className="option">
            <input
              type={check.multiple ? 'checkbox' : 'radio'}
              name={name}
              checked={chosen.includes(option.id)}
              onChange={() => toggle(option.id)}
            />
            <CompiledHtml as="span" html={option.html} />
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">
        {hint && <p>{hint}</p>}
        {result && (
          <div className={result.correct ? 'feedback feedback--correct' : 'feedback feedback--incorrect'}>
            <p className="feedback__title">
              {result.correct ? 'Correct.' : 'Not quite. This one will come back sooner.'}
            </p>
            {check.options
              .filter((o) => chosen.includes(o.id) || (!result.correct && o.correct))
              .map((o) => (
                <div key={o.id}>
                  <p className="feedback__chosen">
                    {chosen.includes(o.id) ? 'You chose: ' : 'The right answer: '}
                    <CompiledHtml as="span" html={o.html} />
                  </p>
                  <CompiledHtml html={o.explanation} />
                </div>
              ))}
          </div>
        )}
      </div>
      {result ? (
        <button ref={next} type="button" className="button" onClick={onNext}>
          {last ? 'Finish' : 'Next question'}
        </button>
      ) : (
        <button type="submit" className="button">
          Check answer
        </button>
      )}
    </form>
  );
}
