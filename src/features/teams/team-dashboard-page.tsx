import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableRegion } from '../../components/table-region';
import { saveFile } from '../../lib/browser/save-file';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { ROLES } from '../../shared/device/settings';
import {
  assignmentTotals,
  dashboardCsv,
  filterMembers,
  STATUS_TEXT,
  sessionMinutes,
  sessionTotalSentence,
  sessionTotals,
  statusFor,
  totalSentence,
} from '../../shared/protocol/team-figures';
import type { StaffRole, TeamDashboard } from '../../shared/protocol/team-protocol';
import { failureText } from './failure-text';
import { useTeamRead } from './team-calls';
import './teams.css';

/**
 * A leader's view of their team: each member against each assignment (done, in progress, not started or
 * overdue), the team's facilitated sessions and who attended them, totals, filters by role and assignment (kept in the address, so a filtered view can be
 * shared or printed), a CSV export and a printable A4 report for governors and inspectors.
 */
export function TeamDashboardPage() {
  const { teamId = '' } = useParams();
  const read = useTeamRead(`dashboard:${teamId}`, (calls) => calls.dashboard(teamId));
  if (read.state === 'loading')
    return (
      <>
        <PageHeading title="Staff progress" />
        <Loading what="your team’s progress" />
      </>
    );
  if (read.state === 'failed')
    return (
      <>
        <PageHeading title="Staff progress" />
        <p className="alert" role="alert">
          {failureText(read.failure)}
        </p>
        <p className="button-row">
          <button type="button" className="button button--quiet" onClick={read.reload}>
            Try again
          </button>
          <Link to="/settings/teams">Your teams</Link>
        </p>
      </>
    );
  return <Dashboard dashboard={read.value} />;
}

function Dashboard({ dashboard }: { dashboard: TeamDashboard }) {
  const [params, setParams] = useSearchParams();
  const roleId = useId();
  const assignmentId = useId();
  const role = ROLES.find((r) => r === params.get('role')) as StaffRole | undefined;
  const chosen = dashboard.assignments.find((a) => a.id === params.get('assignment'));
  const members = filterMembers(dashboard.members, { role, assignmentId: chosen?.id });
  const shownAssignments = chosen ? [chosen] : dashboard.assignments;
  const totals = assignmentTotals(shownAssignments, members);
  const attendance = sessionTotals(dashboard.sessions, members);
  const { team, asOf } = dashboard;
  const teamPath = `/teams/${encodeURIComponent(team.teamId)}`;
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const exportCsv = () => {
    const csv = dashboardCsv(
      { assignments: shownAssignments, sessions: dashboard.sessions },
      members,
      (r) => labels.audience[r],
    );
    const slug = team.name
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '');
    saveFile(
      new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
      `${slug || 'team'}-training-${asOf}.csv`,
    );
  };
  const filtered = [role && labels.audience[role], chosen?.title].filter(Boolean).join(', ');

  return (
    <div className="team-report">
      <PageHeading title={`${team.name}: staff progress`} />
      <p className="print-only report-kicker">
        SEND and inclusion training: report for governors and inspectors
      </p>
      <p className="meta">
        As of {format.date(asOf)} · {dashboard.members.length} staff in the team
        {filtered && ` · showing ${members.length}: ${filtered}`}
      </p>
      <p className="button-row no-print">
        <button type="button" className="button" onClick={exportCsv}>
          Download CSV
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          Print report
        </button>
        <Link className="button button--link" to={`${teamPath}/manage`}>
          Manage the team
        </Link>
      </p>

      <fieldset className="filters no-print">
        <legend className="visually-hidden">Filter staff</legend>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role ?? ''} onChange={(e) => setFilter('role', e.target.value)}>
            <option value="">Every role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {labels.audience[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={assignmentId}>Assignment</label>
          <select
            id={assignmentId}
            value={chosen?.id ?? ''}
            onChange={(e) => setFilter('assignment', e.target.value)}
          >
            <option value="">Every assignment</option>
            {dashboard.assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals</h2>
        {totals.length === 0 ? (
          <p>
            Nothing is assigned yet. <Link to={`${teamPath}/manage`}>Assign a module or a pathway</Link> to
            see who has completed it.
          </p>
        ) : (
          <ul className="team-totals">
            {totals.map((total) => (
              <li key={total.assignment.id}>
                <strong>{totalSentence(total)}</strong>
                <span className="meta">
                  {total.assignment.dueOn ? `Due ${format.date(total.assignment.dueOn)}` : 'No due date'} ·{' '}
                  {total['in-progress']} in progress · {total['not-started']} not started · {total.overdue}{' '}
                  overdue
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Training sessions</h2>
        {dashboard.sessions.length === 0 ? (
          <p>
            No sessions have been run for the team yet. To run one in a staff meeting, open a module, choose
            Run a session, and choose {team.name}.
          </p>
        ) : (
          <>
            <ul className="team-totals">
              {attendance.map((total) => (
                <li key={total.moduleId}>
                  <strong>{sessionTotalSentence(total)}</strong>
                </li>
              ))}
            </ul>
            <ul aria-label="Sessions run for the team">
              {dashboard.sessions.map((session) => (
                <li key={session.sessionId}>
                  {format.date(session.on)}: {session.title}, {format.minutes(session.minutes)}{' '}
                  <span className="meta">
                    ({session.attended} of {dashboard.members.length} staff attended)
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">Staff</h2>
        {members.length === 0 ? (
          <p>
            {dashboard.members.length === 0
              ? 'No one has joined yet. Create an invite in Manage the team and share its code or QR code.'
              : 'No staff match these filters.'}
          </p>
        ) : (
          <TableRegion label="Staff progress">
            <table className="team-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  {shownAssignments.map((a) => (
                    <th scope="col" key={a.id}>
                      {a.title}
                    </th>
                  ))}
                  <th scope="col">Minutes</th>
                  <th scope="col">Sessions attended</th>
                  <th scope="col">Refreshers due</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.learnerId}>
                    <th scope="row">
                      <Link to={`${teamPath}/members/${encodeURIComponent(member.learnerId)}`}>
                        {member.name}
                      </Link>
                    </th>
                    <td>{labels.audience[member.staffRole]}</td>
                    {shownAssignments.map((a) => {
                      const status = statusFor(member, a.id);
                      return (
                        <td
                          key={a.id}
                          className={status ? `team-status team-status--${status.status}` : undefined}
                        >
                          {status ? STATUS_TEXT[status.status] : 'Not assigned'}
                          {status?.completedOn && (
                            <span className="meta"> {format.date(status.completedOn)}</span>
                          )}
                        </td>
                      );
                    })}
                    <td>{member.minutes}</td>
                    <td>
                      {member.sessions.length === 0
                        ? 'None'
                        : `${member.sessions.length} (${format.minutes(sessionMinutes(member))})`}
                    </td>
                    <td>{member.refreshersDue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      <p className="print-only meta">
        Printed from Pocket CPD on {format.date(new Date().toISOString())}. Completion dates are the dates
        staff completed the last lesson of each module. Sessions are the team’s own training sessions: staff
        joined on their phones or were ticked by the person running the session.
      </p>
    </div>
  );
}
