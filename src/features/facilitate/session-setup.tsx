// Before the slides: how long the session is, which lesson it starts from and when the group follows up,
// with the plan that gives. Starting keeps the session on this device (for attendance) and opens the slides.
import { useId, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { facilitatedSessionsRepo } from '../../db/facilitated-sessions-repo';
import { format } from '../../lib/format';
import { localDay } from '../../shared/calendar-day';
import type { CatalogModule, Lesson } from '../../shared/content-types';
import { SESSION_MINUTES } from '../../shared/plan-session';
import { sendPendingSessions } from './send-pending-sessions';
import { lengthOf, planOf, sessionHref } from './session-params';

type Props = { module: CatalogModule; lessons: Lesson[] };

export function SessionSetup({ module, lessons }: Props) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const ids = { length: useId(), from: useId(), follow: useId(), plan: useId() };
  const plan = useMemo(() => planOf(module.id, lessons, params), [module.id, lessons, params]);
  const length = lengthOf(params);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const start = async () => {
    const sessionId = crypto.randomUUID();
    const now = new Date();
    await facilitatedSessionsRepo.update(sessionId, () => ({
      sessionId,
      moduleId: module.id,
      title: module.title,
      lessonIds: plan.lessons.map((l) => l.lessonId),
      checks: plan.checks,
      minutes: Math.max(1, plan.totalMinutes),
      startedAt: now.toISOString(),
      followUpOn: plan.followUpOn,
      ticked: [],
    }));
    // Online with an account, the session gets its join code now; otherwise it waits on this device.
    void sendPendingSessions().catch(() => undefined);
    const next = new URLSearchParams(params);
    next.set('session', sessionId);
    next.set('day', localDay(now));
    next.set('follow', plan.followUpOn);
    void navigate(sessionHref(module.id, '', next));
  };

  return (
    <main className="present-main">
      <p className="breadcrumb">
        <a href={`/modules/${module.id}`}>{module.title}</a>
      </p>
      <PageHeading title={`Run a session: ${module.title}`} />
      <p>
        For a staff meeting or an INSET slot: the lessons on a projector, a discussion, a group check,
        something to try, and a date to follow up.
      </p>
      <form
        className="present-setup"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset>
          <legend id={ids.length}>How long is the slot?</legend>
          {(['module', ...SESSION_MINUTES.map(String)] as const).map((value) => (
            <label key={value} className="radio-row">
              <input
                type="radio"
                name="length"
                value={value}
                checked={length === value}
                onChange={() => set('length', value === 'module' ? null : value)}
              />{' '}
              {value === 'module' ? 'The whole module' : `${value} minutes`}
            </label>
          ))}
        </fieldset>
        {length !== 'module' && (
          <p>
            <label htmlFor={ids.from}>Start from</label>{' '}
            <select
              id={ids.from}
              value={params.get('from') ?? lessons[0]?.id}
              onChange={(e) => set('from', e.target.value)}
            >
              {lessons.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <label htmlFor={ids.follow}>Follow up on</label>{' '}
          <input
            id={ids.follow}
            type="date"
            value={plan.followUpOn}
            onChange={(e) => set('follow', e.target.value)}
          />
        </p>
        <section aria-labelledby={ids.plan}>
          <h2 id={ids.plan}>The plan: about {format.minutes(plan.totalMinutes)}</h2>
          {!plan.fits && (
            <p role="status" className="present-warning">
              Even the first lesson takes longer than the slot: this plan runs to about{' '}
              {format.minutes(plan.totalMinutes)}.
            </p>
          )}
          <ol>
            {plan.lessons.map((l) => (
              <li key={l.lessonId}>
                {l.title} ({format.minutes(l.minutes)}, with its discussion and group check)
              </li>
            ))}
            <li>Try this: everyone chooses something to try (2 minutes)</li>
            <li>Follow-up on {format.date(`${plan.followUpOn}T12:00:00Z`)}</li>
          </ol>
        </section>
        <p>
          <button type="submit" className="button">
            Start the session
          </button>{' '}
          <a href={sessionHref(module.id, '/sign-in', params)}>Sign-in sheet to print</a>
        </p>
      </form>
    </main>
  );
}
