// The presenter view: a second window on the facilitator's laptop (or a laptop screen while the projector
// shows the slides). It follows the slides over a BroadcastChannel, with no network, and shows what the
// room does not see: the facilitator notes, what comes next, and the clock against the plan.
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { CompiledHtml } from '../../components/compiled-html';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/text/format';
import { type PresenterMessage, type PresenterState, presenterChannel } from './presenter-channel';
import { planOf } from './session-params';
import { timerView } from './session-timer';
import { slideTitle } from './slide-view';
import { useElapsed } from './use-elapsed';
import { useModuleLessons } from './use-module-lessons';

export function PresenterViewPage() {
  const { moduleId = '' } = useParams();
  const [params] = useSearchParams();
  const sessionId = params.get('session') ?? '';
  const view = useModuleLessons(moduleId);
  const [state, setState] = useState<PresenterState | null>(null);
  const channel = useMemo(() => presenterChannel(sessionId), [sessionId]);

  useEffect(() => {
    if (!channel) return;
    const onMessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'state') setState(event.data.state);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ type: 'hello' } satisfies PresenterMessage);
    return () => {
      channel.removeEventListener('message', onMessage);
      channel.close();
    };
  }, [channel]);

  const elapsed = useElapsed(state?.startedAt);
  const plan = useMemo(
    () => (view.state === 'ready' ? planOf(moduleId, view.lessons, params) : null),
    [view, moduleId, params],
  );

  if (!plan) {
    return (
      <main className="present-main">
        <PageHeading title="Presenter view" />
        {view.state === 'loading' ? (
          <Loading what="the session" />
        ) : (
          <p role="alert">This module is not on this device.</p>
        )}
      </main>
    );
  }
  const index = Math.min(state?.index ?? 0, plan.slides.length - 1);
  const slide = plan.slides[index];
  const next = plan.slides[index + 1];
  const timer = slide && timerView(elapsed, slide.startMinute, slide.minutes, plan.totalMinutes);
  const send = (to: 'next' | 'previous') =>
    channel?.postMessage({ type: 'go', to } satisfies PresenterMessage);

  return (
    <main className="present-main presenter-view">
      <PageHeading title="Presenter view" />
      {!state && (
        <p role="status">
          Waiting for the slides. Keep the slides open in the other window; this view follows them.
        </p>
      )}
      {slide && timer && (
        <>
          <p
            className={timer.over ? 'slides__timer slides__timer--over' : 'slides__timer'}
            role="timer"
            aria-label="Session time"
          >
            {timer.elapsed} of {timer.planned} · {timer.pace}
          </p>
          <section aria-labelledby="now-heading">
            <h2 id="now-heading">
              Now, slide {index + 1} of {plan.slides.length}: {slideTitle(slide)}
            </h2>
            {slide.kind === 'discuss' && <p>Suggested time: {format.minutes(slide.discussMinutes)}</p>}
            {slide.kind === 'poll' && (
              <p>
                {state?.revealed
                  ? 'The answer is showing.'
                  : 'Options showing: press next to show the answer.'}{' '}
                Right:{' '}
                {slide.check.options
                  .map((o, i) => (o.correct ? String.fromCharCode(65 + i) : ''))
                  .filter(Boolean)
                  .join(', ')}
              </p>
            )}
            <h3>Facilitator notes</h3>
            {slide.notes.length > 0 ? (
              slide.notes.map((html, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder.
                <CompiledHtml key={i} className="presenter-view__notes" html={html} />
              ))
            ) : (
              <p className="meta">No notes for this slide.</p>
            )}
          </section>
          <section aria-labelledby="next-heading">
            <h2 id="next-heading">Next</h2>
            <p>{next ? slideTitle(next) : 'This is the last slide.'}</p>
          </section>
          <p>
            <button type="button" className="button button--quiet" onClick={() => send('previous')}>
              Previous slide
            </button>{' '}
            <button type="button" className="button" onClick={() => send('next')}>
              Next slide
            </button>
          </p>
        </>
      )}
    </main>
  );
}
