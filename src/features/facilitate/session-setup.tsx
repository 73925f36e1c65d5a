// Before the slides: how long the session is, which lesson it starts from, when the group follows up and,
// for a facilitator who leads a team, whether it is run for that team (its members can then be ticked),
// with the plan that gives. Starting keeps the session on this device (for attendance) and opens the slides.
import { useEffect, useId, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { facilitatedSessionsRepo } from '../../db/facilitated-sessions-repo';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { format } from '../../lib/text/format';
import type { CatalogModule, Lesson } from '../../shared/content/content-types';
import { localDay } from '../../shared/planning/calendar-day';
import { SESSION_MINUTES } from '../../shared/planning/plan-session';
import { sendPendingSessions } from './send-pending-sessions';
import { lengthOf, planOf, sessionHref } from './session-params';
import { refreshRoster, useLedTeams, useRoster } from './team-rosters';

const NO_TEAM = 'none';

type Props = { module: CatalogModule; lessons: Lesson[] };

export function SessionSetup({ module, lessons }: Props) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const ids = { length: useId(), from: useId(), follow: useId(), plan: useId(), team: useId() };
  const led = useLedTeams() ?? [];
  const online = useOnlineStatus();
  // Leading one team, a session is most likely for it; leading several, the facilitator chooses.
  const teamParam = params.get('team') ?? (led.length === 1 ? led[0].teamId : NO_TEAM);
  const team = led.find((t) => t.teamId === teamParam);
  const teamId = team?.teamId;
  const roster = useRoster(teamId);
  useEffect(() => {
    if (online && teamId) void refreshRoster(teamId).catch(() => undefined);
  }, [online, teamId]);
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
      ...(team ? { teamId: team.teamId, teamName: team.name, tickedMembers: [] } : {}),
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
        {led.length > 0 && (
          <fieldset aria-describedby={ids.team}>
            <legend>Who is the session for?</legend>
            {led.map((t) => (
              <label key={t.teamId} className="radio-row">
                <input
                  type="radio"
                  name="team"
                  value={t.teamId}
                  checked={team?.teamId === t.teamId}
                  onChange={() => set('team', t.teamId)}
                />{' '}
                {t.name}
              </label>
            ))}
            <label className="radio-row">
              <input
                type="radio"
                name="team"
                value={NO_TEAM}
                checked={!team}
                onChange={() => set('team', NO_TEAM)}
              />{' '}
              No team: tick typed names only
            </label>
            <p id={ids.team} className="meta">
              {team
                ? rosterText(team.name, roster)
                : 'Attendance by code still goes into each person’s own record.'}
            </p>
          </fieldset>
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

/** What the device holds of the team's members, so the facilitator knows before the meeting. */
function rosterText(teamName: string, roster: ReturnType<typeof useRoster>): string {
  if (roster === undefined) return '';
  if (roster === null)
    return `${teamName}’s list of members is not on this device yet. It is fetched when there is a signal; until then you can tick typed names.`;
  const count = roster.members.length === 1 ? '1 member' : `${roster.members.length} members`;
  return `You can tick ${teamName}’s ${count} in the session, with or without a signal. Their attendance shows on the team’s dashboard.`;
}
