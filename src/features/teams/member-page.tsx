import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { STATUS_TEXT, TEAM_ROLE_TEXT } from '../../shared/protocol/team-figures';
import { failureText } from './failure-text';
import { ResetCodeCard } from './reset-code-card';
import { useTeamRead } from './team-calls';
import './teams.css';

/** One person's page for their team's leaders: what they completed and on which dates, nothing else. */
export function MemberPage() {
  const { teamId = '', learnerId = '' } = useParams();
  const record = useTeamRead(`member:${teamId}:${learnerId}`, (calls) =>
    calls.memberRecord(teamId, learnerId),
  );
  const dashboard = useTeamRead(`dashboard:${teamId}`, (calls) => calls.dashboard(teamId));
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const back = (
    <p>
      <Link to={`/teams/${encodeURIComponent(teamId)}`}>Back to staff progress</Link>
    </p>
  );
  if (record.state === 'loading')
    return (
      <>
        <PageHeading title="Staff member" />
        <Loading what="their progress" />
      </>
    );
  if (record.state === 'failed')
    return (
      <>
        <PageHeading title="Staff member" />
        <p className="alert" role="alert">
          {failureText(record.failure)}
        </p>
        {back}
      </>
    );
  const person = record.value;
  const modules = new Map(catalog?.modules.map((m) => [m.id, m]));
  const lessonTitle = (moduleId: string, lessonId: string) =>
    modules.get(moduleId)?.lessons.find((l) => l.id === lessonId)?.title ?? lessonId;
  const assignments = dashboard.state === 'ready' ? dashboard.value.assignments : [];
  const titleOf = (id: string) => assignments.find((a) => a.id === id)?.title ?? 'An assignment';
  const dueOf = (id: string) => assignments.find((a) => a.id === id)?.dueOn;
  // As the server decides: the owner may reset anyone else, a leader only members (never themselves).
  const myRole = dashboard.state === 'ready' ? dashboard.value.myRole : 'member';
  const mayReset =
    myRole === 'owner' ? person.teamRole !== 'owner' : myRole === 'leader' && person.teamRole === 'member';

  return (
    <>
      <PageHeading title={person.name} />
      <p className="meta">
        {labels.audience[person.staffRole]} · {TEAM_ROLE_TEXT[person.teamRole]} · joined{' '}
        {format.date(person.joinedOn)} ·{' '}
        {person.refreshersDue === 1 ? '1 refresher due' : `${person.refreshersDue} refreshers due`}
      </p>
      {back}
      <section aria-labelledby="person-assignments">
        <h2 id="person-assignments">Assignments</h2>
        {person.assignments.length === 0 ? (
          <p>Nothing is assigned to {person.name}.</p>
        ) : (
          <ul className="team-totals">
            {person.assignments.map((a) => {
              const due = dueOf(a.assignmentId);
              return (
                <li key={a.assignmentId}>
                  <strong>{titleOf(a.assignmentId)}</strong>
                  <span className={`team-status--${a.status}`}>
                    {STATUS_TEXT[a.status]}
                    {a.completedOn && ` on ${format.date(a.completedOn)}`}
                  </span>
                  {due && <span className="meta">Due {format.date(due)}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="person-sessions">
        <h2 id="person-sessions">Training sessions attended</h2>
        {person.sessions.length === 0 ? (
          <p>{person.name} has not attended any of the team’s sessions.</p>
        ) : (
          <ul>
            {person.sessions.map((s) => (
              <li key={s.sessionId}>
                {format.date(s.on)}: {modules.get(s.moduleId)?.title ?? s.moduleId},{' '}
                {format.minutes(s.minutes)}{' '}
                <span className="meta">
                  ({s.via === 'code' ? 'joined on their phone' : 'ticked by the person running it'})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="person-modules">
        <h2 id="person-modules">Modules and lessons completed</h2>
        {person.modules.length === 0 ? (
          <p>No lessons completed yet.</p>
        ) : (
          person.modules.map((m) => (
            <section key={m.moduleId} aria-labelledby={`module-${m.moduleId}`} className="card">
              <h3 id={`module-${m.moduleId}`}>{modules.get(m.moduleId)?.title ?? m.moduleId}</h3>
              <p className="meta">
                {m.lessonsCompleted} of {m.lessonsTotal} lessons · {format.minutes(m.minutes)}
                {m.completedOn ? ` · completed on ${format.date(m.completedOn)}` : ''}
              </p>
              {m.lessons.length > 0 && (
                <ul>
                  {m.lessons.map((l) => (
                    <li key={l.lessonId}>
                      {lessonTitle(m.moduleId, l.lessonId)}: {format.date(l.completedOn)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        )}
      </section>
      {mayReset && <ResetCodeCard teamId={teamId} learnerId={learnerId} name={person.name} />}
    </>
  );
}
