import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { settingsStore } from '../../db/settings-store';
import { useStoreValue } from '../../lib/stores/use-store-value';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { ROLES } from '../../shared/device/settings';
import { inviteCodeSchema, type MyTeam, type StaffRole } from '../../shared/protocol/team-protocol';
import { failureText } from './failure-text';
import { callTeam, useTeamRead } from './team-calls';
import { useSession } from './use-session';

/**
 * `/join/:code`, the link in an invite and its QR code (so it opens from a phone's camera). Signed out, it
 * explains and offers sign-in or a new account (`signIn`, the account forms) on the same page, then
 * carries on here. Before joining it
 * says in plain words exactly what the team's leaders will see, and asks which staff role is theirs.
 */
export function JoinPage({ signIn }: { signIn: ReactNode }) {
  const { code = '' } = useParams();
  const session = useSession();
  const parsed = inviteCodeSchema.safeParse(code);
  const heading = <PageHeading title="Join a team" />;

  if (!parsed.success)
    return (
      <>
        {heading}
        <p className="alert" role="alert">
          “{code}” is not a join code: a join code is 8 letters and digits. Check the link, or type the code
          in <Link to="/settings/teams">Settings, Teams</Link>.
        </p>
      </>
    );
  if (session.state === 'loading')
    return (
      <>
        {heading}
        <Loading what="the invitation" />
      </>
    );
  if (session.state !== 'signed-in')
    return (
      <>
        {heading}
        <p>
          You have been invited to join your setting’s team in Pocket CPD, with the code{' '}
          <strong>{parsed.data}</strong>. Joining needs an account, so that your progress can reach the team:
          sign in, or create one (it takes a minute). You come straight back here afterwards, and you can read
          what the team will see before you join.
        </p>
        {signIn}
      </>
    );
  return <JoinInvite code={parsed.data} heading={heading} />;
}

function JoinInvite({ code, heading }: { code: string; heading: ReactNode }) {
  const preview = useTeamRead(`preview:${code}`, (calls) => calls.invitePreview(code));
  const settings = useStoreValue(settingsStore);
  const [role, setRole] = useState<StaffRole | undefined>();
  const [error, setError] = useState('');
  const [joined, setJoined] = useState<MyTeam | undefined>();
  const [busy, setBusy] = useState(false);
  const staffRole = role ?? settings?.role;

  if (preview.state === 'loading')
    return (
      <>
        {heading}
        <Loading what="the invitation" />
      </>
    );
  if (preview.state === 'failed')
    return (
      <>
        {heading}
        <p className="alert" role="alert">
          {failureText(preview.failure)}
        </p>
        <p>
          <button type="button" className="button button--quiet" onClick={preview.reload}>
            Try again
          </button>
        </p>
      </>
    );
  const { teamName, expiresAt, emailDomain, alreadyMember } = preview.value;
  if (joined || alreadyMember)
    return (
      <>
        {heading}
        <p role="status" className="notice">
          {joined ? `You joined ${teamName}.` : `You are already in ${teamName}.`}
        </p>
        <p>
          Your assignments are on <Link to="/">Today</Link>. You can leave the team at any time in{' '}
          <Link to="/settings/teams">Settings, Teams</Link>.
        </p>
      </>
    );

  const join = async (event: FormEvent) => {
    event.preventDefault();
    if (!staffRole) {
      setError('Choose the role that fits your job best.');
      return;
    }
    setBusy(true);
    const result = await callTeam((calls) => calls.join(code, staffRole));
    setBusy(false);
    if (result.ok) setJoined(result.value);
    else setError(failureText(result.failure));
  };

  return (
    <>
      {heading}
      <p className="lead">
        <strong>{teamName}</strong> invites you to join its team.
      </p>
      <p className="meta">
        This invitation works until {format.date(expiresAt)}
        {emailDomain ? ` for email addresses ending in @${emailDomain}` : ''}.
      </p>
      <SharingNotice teamName={teamName} />
      <form onSubmit={(event) => void join(event)} noValidate>
        {/* Not the shared RadioChoice: sharing it would split it into a chunk of its own (see app-routes.tsx). */}
        <fieldset className="choice">
          <legend>Your role in the setting</legend>
          {ROLES.map((r) => (
            <label key={r} className="option">
              <input
                type="radio"
                name="staff-role"
                checked={staffRole === r}
                onChange={() => {
                  setRole(r);
                  setError('');
                }}
              />
              <span>{labels.audience[r]}</span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
        <p>
          <button type="submit" className="button" disabled={busy}>
            Join {teamName}
          </button>
        </p>
      </form>
    </>
  );
}

/** The promise the issue asks for: exactly what leaders see, and what they never see. */
export function SharingNotice({ teamName }: { teamName: string }) {
  return (
    <section aria-labelledby="sharing-heading" className="card">
      <h2 id="sharing-heading">What {teamName}’s leaders will see</h2>
      <ul>
        <li>your name and the role you choose below</li>
        <li>the lessons and modules you complete, with the dates you completed them</li>
        <li>the minutes of learning you have done</li>
        <li>for each assignment, whether it is done, in progress, not started or overdue</li>
        <li>how many refresher questions are due for you</li>
        <li>
          the team’s training sessions you attend (date, module and minutes), whether you join on your phone
          or the person running the session ticks your name
        </li>
      </ul>
      <h3>What they never see</h3>
      <ul>
        <li>your answers to the knowledge checks</li>
        <li>your notes and reflections</li>
        <li>where you are in a lesson, or the times of day you study</li>
      </ul>
      <p>
        Your setting is responsible for these training records, as it is for your other staff records. You can
        leave the team at any time in Settings, Teams: its leaders stop seeing your progress at once.
      </p>
    </section>
  );
}
