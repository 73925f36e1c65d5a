import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/text/format';
import { failureText } from './failure-text';
import { useTeamRead } from './team-calls';
import './teams.css';

/** For a trust lead who leads several settings' teams: each team's assignments side by side. */
export function TrustPage() {
  const read = useTeamRead('overview', (calls) => calls.overview());
  const heading = <PageHeading title="Your settings side by side" />;
  if (read.state === 'loading')
    return (
      <>
        {heading}
        <Loading what="your teams" />
      </>
    );
  if (read.state === 'failed')
    return (
      <>
        {heading}
        <p className="alert" role="alert">
          {failureText(read.failure)}
        </p>
      </>
    );
  const { asOf, teams } = read.value;
  return (
    <>
      {heading}
      <p className="meta">As of {format.date(asOf)} · the teams you lead</p>
      {teams.length === 0 ? (
        <p>You do not lead a team.</p>
      ) : (
        <div className="team-grid">
          {teams.map((team) => (
            <section key={team.teamId} className="card" aria-labelledby={`trust-${team.teamId}`}>
              <h2 id={`trust-${team.teamId}`}>
                <Link to={`/teams/${encodeURIComponent(team.teamId)}`}>{team.name}</Link>
              </h2>
              <p className="meta">
                {team.memberCount === 1 ? '1 member of staff' : `${team.memberCount} staff`}
              </p>
              {team.assignments.length === 0 ? (
                <p>Nothing assigned.</p>
              ) : (
                <ul className="team-totals">
                  {team.assignments.map((a) => (
                    <li key={a.assignmentId}>
                      <strong>
                        {a.done} of {a.assigned} completed {a.title}
                      </strong>
                      <span className="meta">
                        {a.dueOn ? `Due ${format.date(a.dueOn)}` : 'No due date'} · {a.overdue} overdue
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
