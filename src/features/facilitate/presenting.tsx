// The slides, full screen on the projector. Arrow keys, Page Up/Down (what clickers send), space, Home and
// End move through them; on a poll the first "next" shows the answer and every explanation, so a clicker
// alone can run the whole session. The clock runs against the plan; the presenter view in a second window
// follows along over a BroadcastChannel and can move the slides too.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { facilitatedSessionsRepo } from '../../db/facilitated-sessions-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import type { CatalogModule, Lesson } from '../../shared/content/content-types';
import { AttendancePanel } from './attendance-panel';
import { keyAction, type PresenterMessage, presenterChannel } from './presenter-channel';
import { planOf, sessionHref } from './session-params';
import { timerView } from './session-timer';
import { SlideView, slideTitle } from './slide-view';
import { useElapsed } from './use-elapsed';

type Props = { module: CatalogModule; lessons: Lesson[]; sessionId: string };

export function Presenting({ module, lessons, sessionId }: Props) {
  const [params] = useSearchParams();
  const plan = useMemo(() => planOf(module.id, lessons, params), [module.id, lessons, params]);
  const stored = useLiveQuery(() => facilitatedSessionsRepo.get(sessionId), [sessionId]);
  const startedAt = stored ? Date.parse(stored.startedAt) : undefined;
  const elapsed = useElapsed(startedAt);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [showAttendance, setShowAttendance] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const last = plan.slides.length - 1;
  const slide = plan.slides[Math.min(index, last)];

  useEffect(() => {
    document.title = `${module.title} (presenting) – Pocket CPD`;
  }, [module.title]);

  const go = useCallback(
    (action: 'next' | 'previous' | 'first' | 'last' | 'reveal') => {
      const current = plan.slides[index];
      if (action === 'reveal') {
        if (current?.kind === 'poll') setRevealed(true);
        return;
      }
      // A clicker has only "next": on a poll it shows the answer first.
      if (action === 'next' && current?.kind === 'poll' && !revealed) {
        setRevealed(true);
        return;
      }
      const target =
        action === 'next' ? index + 1 : action === 'previous' ? index - 1 : action === 'first' ? 0 : last;
      const clamped = Math.max(0, Math.min(last, target));
      if (clamped !== index) {
        setIndex(clamped);
        setRevealed(false);
      }
    },
    [plan.slides, index, revealed, last],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Typing a name in the attendance panel is not moving the slides.
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      // Space and Enter on a focused button or link press it, as everywhere else.
      if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button, a')) return;
      if (event.key === 'a') {
        setShowAttendance((shown) => !shown);
        return;
      }
      const action = keyAction(event.key);
      if (!action) return;
      event.preventDefault();
      go(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // The presenter view: it is told the state on every change and when it says hello, and may move on.
  const channel = useMemo(() => presenterChannel(sessionId), [sessionId]);
  const goRef = useRef(go);
  goRef.current = go;
  const state = useMemo(
    () => (startedAt === undefined ? null : { index, revealed, startedAt }),
    [index, revealed, startedAt],
  );
  useEffect(() => {
    if (!channel) return;
    const onMessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'hello' && state) channel.postMessage({ type: 'state', state });
      if (event.data.type === 'go') goRef.current(event.data.to);
    };
    channel.addEventListener('message', onMessage);
    if (state) channel.postMessage({ type: 'state', state } satisfies PresenterMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [channel, state]);
  useEffect(() => () => channel?.close(), [channel]);

  if (!slide) return null;
  const timer = timerView(elapsed, slide.startMinute, slide.minutes, plan.totalMinutes);
  const fullScreen = () => {
    void stage.current?.requestFullscreen?.().catch(() => undefined);
  };
  const openPresenterView = () => {
    window.open(
      sessionHref(module.id, '/notes', params),
      `presenter-${sessionId}`,
      'popup,width=900,height=700',
    );
  };

  return (
    <div ref={stage} className="slides">
      <main className="slide" aria-labelledby="slide-position">
        <p id="slide-position" className="visually-hidden">
          Slide {index + 1} of {plan.slides.length}: {slideTitle(slide)}
        </p>
        <SlideView slide={slide} revealed={revealed} />
      </main>
      {showAttendance && (
        <div className="slides__overlay">
          <AttendancePanel sessionId={sessionId} />
          <button type="button" className="button" onClick={() => setShowAttendance(false)}>
            Back to the slides
          </button>
        </div>
      )}
      <footer className="slides__bar">
        {/* The clock shows once the session's start is read, so it never counts from the wrong time. */}
        {startedAt !== undefined && (
          <p
            className={timer.over ? 'slides__timer slides__timer--over' : 'slides__timer'}
            role="timer"
            aria-label="Session time"
          >
            <span>{timer.elapsed}</span> of {timer.planned} · {timer.pace}
          </p>
        )}
        <p className="slides__count" aria-live="polite">
          {index + 1} / {plan.slides.length}
        </p>
        <div className="slides__buttons">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => go('previous')}
            disabled={index === 0}
          >
            Previous
          </button>
          {slide.kind === 'poll' && !revealed && (
            <button type="button" className="button button--quiet" onClick={() => go('reveal')}>
              Show the answer
            </button>
          )}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => go('next')}
            disabled={index === last && !(slide.kind === 'poll' && !revealed)}
          >
            Next
          </button>
          <button type="button" className="button button--quiet" onClick={() => setShowAttendance((s) => !s)}>
            Attendance
          </button>
          <button type="button" className="button button--quiet" onClick={openPresenterView}>
            Presenter view
          </button>
          <button type="button" className="button button--quiet" onClick={fullScreen}>
            Full screen
          </button>
        </div>
      </footer>
    </div>
  );
}
