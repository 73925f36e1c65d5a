import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { eventsRepo } from '../../db/events-repo';
import { writeErrors } from '../../lib/stores/write-errors';
import { format } from '../../lib/text/format';
import { RefresherQuestion } from './refresher-question';
import { DEFAULT_COUNT, MAX_COUNT, useRefresherSession } from './use-refresher-session';
import './refresher.css';

/**
 * A short refresher session: due knowledge checks from lessons on this device, one at a time. Each answer
 * is a `refresher-answered` event, which reschedules the check (refresher-schedule.ts) and syncs.
 */
export function RefresherPage() {
  const [params] = useSearchParams();
  const asked = Number.parseInt(params.get('count') ?? '', 10);
  const count = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_COUNT) : DEFAULT_COUNT;
  const session = useRefresherSession(count);
  const [step, setStep] = useState(0);
  const [correct, setCorrect] = useState(0);

  if (session.state === 'loading') {
    return (
      <>
        <PageHeading title="Refresher" />
        <Loading what="your refresher questions" />
      </>
    );
  }
  const { items, nextDue } = session;

  if (items.length === 0) {
    return (
      <>
        <PageHeading title="Refresher" />
        <p>Nothing needs refreshing right now.</p>
        <p>
          {nextDue
            ? `Your next refresher will be ready on ${format.date(nextDue)}.`
            : 'Answer the knowledge checks in a lesson and they will come back here now and then, to help you keep what you learned.'}
        </p>
        <p>
          <Link to="/">Back to Today</Link>
        </p>
      </>
    );
  }

  const item = items[step];
  if (!item) {
    return (
      <>
        <PageHeading title="Refresher done" />
        <p role="status">
          You answered {correct} of {items.length} {items.length === 1 ? 'question' : 'questions'} correctly.
          Questions you missed will come back sooner; the others a little later each time.
        </p>
        <p>
          <Link to="/">Back to Today</Link> · <Link to="/record">See your CPD record</Link>
        </p>
      </>
    );
  }

  const answer = (optionIds: string[], isCorrect: boolean) =>
    writeErrors.run(async () => {
      await eventsRepo.record('refresher-answered', item.lessonId, {
        checkId: item.check.id,
        optionIds,
        correct: isCorrect,
      });
      if (isCorrect) setCorrect((n) => n + 1);
    });

  return (
    <>
      <PageHeading title="Refresher" />
      <p className="refresher-progress">
        A quick check on what you learned before. {items.length}{' '}
        {items.length === 1 ? 'question' : 'questions'}, about {format.minutes(items.length)}.
      </p>
      <RefresherQuestion
        key={`${step}-${item.lessonId}-${item.check.id}`}
        item={item}
        position={`Question ${step + 1} of ${items.length}`}
        onAnswer={answer}
        onNext={() => setStep((s) => s + 1)}
        last={step === items.length - 1}
        focusOnMount={step > 0}
      />
    </>
  );
}
