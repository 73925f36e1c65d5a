import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { QrCode } from '../../components/qr-code';
import { format } from '../../lib/text/format';
import { failureText } from './failure-text';
import { useTeamRead } from './team-calls';
import './teams.css';

/** A join code as an A4 poster for the staff-room wall: the team's name, the QR code, the code and link. */
export function PosterPage() {
  const { teamId = '', code = '' } = useParams();
  const dashboard = useTeamRead(`dashboard:${teamId}`, (calls) => calls.dashboard(teamId));
  const invites = useTeamRead(`invites:${teamId}`, (calls) => calls.invites(teamId));
  if (dashboard.state === 'loading' || invites.state === 'loading')
    return (
      <>
        <PageHeading title="Join code poster" />
        <Loading what="the join code" />
      </>
    );
  const failure =
    dashboard.state === 'failed'
      ? dashboard.failure
      : invites.state === 'failed'
        ? invites.failure
        : undefined;
  const invite = invites.state === 'ready' ? invites.value.invites.find((i) => i.code === code) : undefined;
  if (failure || !invite || dashboard.state !== 'ready')
    return (
      <>
        <PageHeading title="Join code poster" />
        <p className="alert" role="alert">
          {failure ? failureText(failure) : 'This join code is not one of your team’s.'}
        </p>
      </>
    );
  return (
    <div className="invite-poster">
      <PageHeading title={`Join ${dashboard.value.team.name} on Pocket CPD`} />
      <p className="lead">SEND and inclusion training for every member of staff.</p>
      <p>Point your phone’s camera at the code, or open the link, and follow the steps.</p>
      <div className="invite-qr">
        <QrCode
          text={invite.url}
          label={`QR code for the join link ${invite.url}`}
          className="invite-qr__code"
        />
      </div>
      <p>
        Join code <span className="invite-code">{invite.code}</span>
      </p>
      <p>{invite.url}</p>
      <p className="meta">
        Works until {format.date(invite.expiresAt)}
        {invite.emailDomain ? `, for email addresses ending in @${invite.emailDomain}` : ''}.
      </p>
      <p className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print the poster
        </button>
        <Link to={`/teams/${encodeURIComponent(teamId)}/manage`}>Back to managing the team</Link>
      </p>
    </div>
  );
}
