import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TextField } from '../../components/text-field';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { TEAM_ROLE_TEXT } from '../../shared/protocol/team-figures';
import { inviteCodeSchema, type MyTeam } from '../../shared/protocol/team-protocol';
import { failureText } from './failure-text';
import { callTeam } from './team-calls';
import { useSession } from './use-session';

/**
 * Settings → Teams: the teams this person is in (from the device, fetched again when online), joining by
 * code, leaving, and starting a team for a setting. Leaders reach their team's progress and management.
 */
export function TeamsPage() {
  const session = useSession();
  const stored = useLiveQuery(async () => (await metaRepo.get('teams'))?.teams ?? [], []);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (session.state !== 'signed-in') return;
    void callTeam((calls) => calls.refreshMyTeams());
  }, [session.state]);

  const heading = <PageHeading title="Teams" />;
  if (session.state === 'loading' || stored === undefined)
    return (
      <>
        {heading}
        <Loading what="your teams" />
      </>
    );
  if (session.state !== 'signed-in')
    return (
      <>
        {heading}
        <p>
          A team lets your nursery, school or college see that its staff have completed their training. To
          join or start one you need an account, so your progress can reach the team.
        </p>
        <p>
          <Link className="button button--link" to="/settings/sync">
            Sign in or create an account
          </Link>
        </p>
      </>
    );

  const leads = stored.filter((team) => team.myRole !== 'member');
  return (
    <>
      {heading}
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      <section aria-labelledby="my-teams-heading">
        <h2 id="my-teams-heading">Your teams</h2>
        {stored.length === 0 ? (
          <p>You are not in a team yet. Join one with the code your setting gave you, or start one below.</p>
        ) : (
          <ul className="link-list team-list">
            {stored.map((team) => (
              <TeamItem key={team.teamId} team={team} onLeft={setNotice} />
            ))}
          </ul>
        )}
        {leads.length > 1 && (
          <p>
            <Link to="/teams/overview">All the teams you lead, side by side</Link>
          </p>
        )}
      </section>
      <JoinByCode />
      <StartTeam />
    </>
  );
}

function TeamItem({ team, onLeft }: { team: MyTeam; onLeft: (notice: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const leader = team.myRole !== 'member';
  const leave = async () => {
    setError('');
    const result = await callTeam((calls) => calls.leave(team.teamId));
    if (result.ok) onLeft(`You left ${team.name}. Its leaders no longer see your progress.`);
    else setError(failureText(result.failure));
  };
  return (
    <li className="card">
      <h3 className="card__title">{team.name}</h3>
      <p className="meta">
        {TEAM_ROLE_TEXT[team.myRole]} · {labels.audience[team.staffRole]} · joined{' '}
        {format.date(team.joinedAt)} ·{' '}
        {team.assignments.length === 1 ? '1 assignment' : `${team.assignments.length} assignments`}
      </p>
      {leader && (
        <p className="button-row">
          <Link className="button button--link" to={`/teams/${encodeURIComponent(team.teamId)}`}>
            Staff progress
          </Link>
          <Link className="button button--link" to={`/teams/${encodeURIComponent(team.teamId)}/manage`}>
            Manage the team
          </Link>
        </p>
      )}
      {team.myRole === 'owner' ? (
        <p className="meta">You own this team. To leave it, first hand it over to another leader.</p>
      ) : confirming ? (
        <div className="confirm">
          <p>
            Leave {team.name}? Its leaders stop seeing your progress at once. Your own progress stays with
            you.
          </p>
          <p className="button-row">
            <button type="button" className="button" onClick={() => void leave()}>
              Leave the team
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Stay
            </button>
          </p>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
          Leave {team.name}
        </button>
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </li>
  );
}

function JoinByCode() {
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = inviteCodeSchema.safeParse(code.replaceAll(/[\s-]/g, ''));
    if (!parsed.success) {
      setError('Enter the 8 letters and digits of the join code, for example K7M2QX9P.');
      return;
    }
    void navigate(`/join/${parsed.data}`);
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Join a team</h2>
      <form onSubmit={submit} noValidate className="field--stacked">
        <TextField
          label="Join code"
          error={error}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setCode(event.target.value)}
        />
        <p>
          <button type="submit" className="button">
            Continue
          </button>
        </p>
      </form>
    </section>
  );
}

function StartTeam() {
  const navigate = useNavigate();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Enter the name of your setting, for example Oak Tree Nursery.');
      return;
    }
    setBusy(true);
    const result = await callTeam((calls) => calls.createTeam(name.trim()));
    setBusy(false);
    if (result.ok) void navigate(`/teams/${encodeURIComponent(result.value.teamId)}/manage`);
    else setError(failureText(result.failure));
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Start a team for your setting</h2>
      <p>
        For a SENCO, head, manager or quality lead: invite your staff, say what everyone should complete by
        when, and see who has.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate className="field--stacked">
        <TextField
          label="Name of your setting"
          error={error}
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            Start the team
          </button>
        </p>
      </form>
    </section>
  );
}
