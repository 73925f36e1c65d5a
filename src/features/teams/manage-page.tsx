import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiResult } from '../../api/api-client';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { QrCode } from '../../components/qr-code';
import { TextField } from '../../components/text-field';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import type { Catalog } from '../../shared/content/content-types';
import { ROLES } from '../../shared/device/settings';
import { TEAM_ROLE_TEXT } from '../../shared/protocol/team-figures';
import {
  createAssignmentRequestSchema,
  createInviteRequestSchema,
  type Invite,
  type TeamDashboard,
} from '../../shared/protocol/team-protocol';
import type { TeamActions } from '../../sync/team-actions';
import { failureText } from './failure-text';
import { callTeam, useTeamRead } from './team-calls';
import './teams.css';
import { TeamXapiForward } from './team-xapi-forward';
import { TeamXapiKeys } from './team-xapi-keys';

type Act = (run: (calls: TeamActions) => Promise<ApiResult<unknown>>, done: string) => Promise<boolean>;

/**
 * A leader's management of their team: invites (code, link and a printable QR code; expiry, an optional
 * email domain; revoke), assignments, members (make leader, remove), and for the owner hand-over and
 * deleting the team. Every change is the server's: the page reads the team again after each one.
 */
export function ManagePage() {
  const { teamId = '' } = useParams();
  const dashboard = useTeamRead(`dashboard:${teamId}`, (calls) => calls.dashboard(teamId));
  const invites = useTeamRead(`invites:${teamId}`, (calls) => calls.invites(teamId));
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  if (dashboard.state === 'loading')
    return (
      <>
        <PageHeading title="Manage the team" />
        <Loading what="your team" />
      </>
    );
  if (dashboard.state === 'failed')
    return (
      <>
        <PageHeading title="Manage the team" />
        <p className="alert" role="alert">
          {failureText(dashboard.failure)}
        </p>
        <p>
          <Link to="/settings/teams">Your teams</Link>
        </p>
      </>
    );

  const act: Act = async (run, done) => {
    setNotice('');
    setError('');
    const result = await callTeam(run);
    if (!result.ok) {
      setError(failureText(result.failure));
      return false;
    }
    setNotice(done);
    dashboard.reload();
    if (invites.state !== 'loading') invites.reload();
    return true;
  };
  const team = dashboard.value;
  return (
    <>
      <PageHeading title={`Manage ${team.team.name}`} />
      <p>
        <Link to={`/teams/${encodeURIComponent(teamId)}`}>Staff progress</Link>
      </p>
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      <div role="alert">{error && <p className="alert">{error}</p>}</div>
      <InvitesSection
        teamId={teamId}
        invites={invites.state === 'ready' ? invites.value.invites : undefined}
        act={act}
      />
      <AssignmentsSection team={team} catalog={catalog ?? undefined} act={act} />
      <MembersSection team={team} act={act} />
      <TeamXapiKeys teamId={teamId} teamName={team.team.name} />
      <TeamXapiForward teamId={teamId} teamName={team.team.name} />
      {team.myRole === 'owner' && <OwnerSection team={team} act={act} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function InvitesSection({
  teamId,
  invites,
  act,
}: {
  teamId: string;
  invites: Invite[] | undefined;
  act: Act;
}) {
  const daysId = useId();
  const [days, setDays] = useState('14');
  const [domain, setDomain] = useState('');
  const [domainError, setDomainError] = useState('');
  const now = new Date().toISOString();
  const live = invites?.filter((i) => !i.revokedAt && i.expiresAt > now) ?? [];
  const past = invites?.filter((i) => i.revokedAt || i.expiresAt <= now) ?? [];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const body = createInviteRequestSchema.safeParse({
      expiresInDays: Number(days),
      ...(domain.trim() ? { emailDomain: domain.trim().replace(/^@/, '') } : {}),
    });
    if (!body.success) {
      setDomainError('Enter a domain such as oaktree.sch.uk, or leave it empty for any email address.');
      return;
    }
    setDomainError('');
    await act((calls) => calls.createInvite(teamId, body.data), 'A new join code is ready.');
  };

  return (
    <Section title="Invite staff">
      <p>
        Staff join with a code, by opening the link, or by pointing a phone’s camera at the QR code. Print it
        for the staff-room wall.
      </p>
      <form onSubmit={(event) => void create(event)} noValidate className="filters">
        <div className="field">
          <label htmlFor={daysId}>Works for</label>
          <select id={daysId} value={days} onChange={(e) => setDays(e.target.value)}>
            {[7, 14, 30, 90].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Only for email addresses ending in (optional)"
          error={domainError}
          value={domain}
          placeholder="oaktree.sch.uk"
          onChange={(e) => setDomain(e.target.value)}
        />
        <p>
          <button type="submit" className="button">
            Create a join code
          </button>
        </p>
      </form>
      {invites === undefined ? (
        <Loading what="join codes" />
      ) : live.length === 0 ? (
        <p>No join code works at the moment.</p>
      ) : (
        <ul className="team-list">
          {live.map((invite) => (
            <li key={invite.code} className="card">
              <p>
                Join code <span className="invite-code">{invite.code}</span>
              </p>
              <p>
                Link: <a href={invite.url}>{invite.url}</a>
              </p>
              <p className="meta">
                Works until {format.date(invite.expiresAt)}
                {invite.emailDomain ? ` · only for @${invite.emailDomain}` : ''}
              </p>
              <div className="invite-qr">
                <QrCode
                  text={invite.url}
                  label={`QR code for the join link ${invite.url}`}
                  className="invite-qr__code"
                />
              </div>
              <p className="button-row">
                <Link
                  className="button button--link"
                  to={`/teams/${encodeURIComponent(teamId)}/poster/${invite.code}`}
                >
                  Poster to print
                </Link>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() =>
                    void act(
                      (calls) => calls.revokeInvite(teamId, invite.code),
                      `Join code ${invite.code} no longer works.`,
                    )
                  }
                >
                  Withdraw {invite.code}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details>
          <summary>Past join codes ({past.length})</summary>
          <ul>
            {past.map((invite) => (
              <li key={invite.code}>
                {invite.code}:{' '}
                {invite.revokedAt
                  ? `withdrawn on ${format.date(invite.revokedAt)}`
                  : `expired on ${format.date(invite.expiresAt)}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

function AssignmentsSection({ team, catalog, act }: { team: TeamDashboard; catalog?: Catalog; act: Act }) {
  const whatId = useId();
  const whoId = useId();
  const dueId = useId();
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('everyone');
  const [dueOn, setDueOn] = useState('');
  const [formError, setFormError] = useState('');
  const teamId = team.team.teamId;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = what.split(':');
    const body = createAssignmentRequestSchema.safeParse({
      target: kind === 'pathway' ? { kind, role: id } : { kind, moduleId: id },
      group: who,
      ...(dueOn ? { dueOn } : {}),
    });
    if (!what || !body.success) {
      setFormError(
        what ? 'Enter the due date as a date, or leave it empty.' : 'Choose a module or a pathway.',
      );
      return;
    }
    setFormError('');
    if (await act((calls) => calls.createAssignment(teamId, body.data), 'Assigned.')) {
      setWhat('');
      setDueOn('');
    }
  };

  return (
    <Section title="Assignments">
      {team.assignments.length === 0 ? (
        <p>Nothing is assigned yet.</p>
      ) : (
        <ul className="team-list">
          {team.assignments.map((a) => (
            <li key={a.id} className="card">
              <p className="card__title">{a.title}</p>
              <p className="meta">
                For {a.group === 'everyone' ? 'everyone' : `${labels.audience[a.group].toLowerCase()}s`} ·{' '}
                {a.dueOn ? `due ${format.date(a.dueOn)}` : 'no due date'} ·{' '}
                {a.moduleIds.length === 1 ? '1 module' : `${a.moduleIds.length} modules`}
              </p>
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  void act(
                    (calls) => calls.deleteAssignment(teamId, a.id),
                    `${a.title} is no longer assigned.`,
                  )
                }
              >
                Remove the assignment {a.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void create(event)} noValidate>
        <h3>Assign</h3>
        {formError && (
          <p role="alert" className="field__error">
            {formError}
          </p>
        )}
        <div className="filters">
          <div className="field">
            <label htmlFor={whatId}>What to complete</label>
            <select id={whatId} value={what} onChange={(e) => setWhat(e.target.value)}>
              <option value="">Choose…</option>
              <optgroup label="A module">
                {catalog?.modules.map((m) => (
                  <option key={m.id} value={`module:${m.id}`}>
                    {m.title}
                  </option>
                ))}
              </optgroup>
              <optgroup label="A role’s pathway">
                {catalog?.pathways.map((p) => (
                  <option key={p.role} value={`pathway:${p.role}`}>
                    {p.title}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor={whoId}>For</label>
            <select id={whoId} value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="everyone">Everyone in the team</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {labels.audience[r]}s only
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={dueId}>Due by (optional)</label>
            <input id={dueId} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          </div>
        </div>
        <p>
          <button type="submit" className="button">
            Assign
          </button>
        </p>
      </form>
    </Section>
  );
}

function MembersSection({ team, act }: { team: TeamDashboard; act: Act }) {
  const [removing, setRemoving] = useState<string | undefined>();
  const teamId = team.team.teamId;
  return (
    <Section title="Members">
      {team.members.length === 0 ? (
        <p>No one has joined yet.</p>
      ) : (
        <ul className="team-list">
          {team.members.map((m) => (
            <li key={m.learnerId} className="card">
              <p className="card__title">{m.name}</p>
              <p className="meta">
                {labels.audience[m.staffRole]} · {TEAM_ROLE_TEXT[m.teamRole]} · joined{' '}
                {format.date(m.joinedOn)}
              </p>
              {m.teamRole !== 'owner' && (
                <p className="button-row">
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      const next = m.teamRole === 'leader' ? 'member' : 'leader';
                      void act(
                        (calls) => calls.setTeamRole(teamId, m.learnerId, next),
                        `${m.name} is now a ${next}.`,
                      );
                    }}
                  >
                    {m.teamRole === 'leader' ? `Make ${m.name} a member` : `Make ${m.name} a leader`}
                  </button>
                  {removing === m.learnerId ? (
                    <>
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          void act(
                            (calls) => calls.removeMember(teamId, m.learnerId),
                            `${m.name} is no longer in the team.`,
                          )
                        }
                      >
                        Yes, remove {m.name}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => setRemoving(undefined)}
                      >
                        Keep {m.name}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setRemoving(m.learnerId)}
                    >
                      Remove {m.name}
                    </button>
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function OwnerSection({ team, act }: { team: TeamDashboard; act: Act }) {
  const navigate = useNavigate();
  const heirId = useId();
  const others = team.members.filter((m) => m.teamRole !== 'owner');
  const [heir, setHeir] = useState('');
  const [deleting, setDeleting] = useState(false);
  const teamId = team.team.teamId;
  const heirName = others.find((m) => m.learnerId === heir)?.name;
  return (
    <Section title="Ownership">
      {others.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (heir)
              void act(
                (calls) => calls.handOver(teamId, heir),
                `${heirName} now owns the team; you stay a leader.`,
              );
          }}
          className="filters"
        >
          <div className="field">
            <label htmlFor={heirId}>Hand the team over to</label>
            <select id={heirId} value={heir} onChange={(e) => setHeir(e.target.value)}>
              <option value="">Choose…</option>
              {others.map((m) => (
                <option key={m.learnerId} value={m.learnerId}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" className="button" disabled={!heir}>
              Hand over
            </button>
          </p>
        </form>
      )}
      {deleting ? (
        <div className="confirm">
          <p>
            Delete {team.team.name}? Its memberships, join codes and assignments go at once. Members keep
            their own progress.
          </p>
          <p className="button-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                void act((calls) => calls.deleteTeam(teamId), 'The team is deleted.').then(
                  (ok) => ok && navigate('/settings/teams'),
                )
              }
            >
              Delete the team
            </button>
            <button type="button" className="button button--quiet" onClick={() => setDeleting(false)}>
              Keep the team
            </button>
          </p>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setDeleting(true)}>
          Delete {team.team.name}…
        </button>
      )}
    </Section>
  );
}
