// Who is here: the join code and QR code for attendees with phones and an account (their own record counts
// the session), and, for everyone else, the team's members (in a session run for a team) and typed names
// the facilitator ticks, kept on this device and sent when there is a signal.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { QrCode } from '../../components/qr-code';
import { facilitatedSessionsRepo, needsSending } from '../../db/facilitated-sessions-repo';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { joinPath } from '../../shared/protocol/join-code';
import { refreshAttendance, sendPendingSessions } from './send-pending-sessions';
import { TeamMemberTicks } from './team-member-ticks';

const REFRESH_MS = 15_000;

export function AttendancePanel({
  sessionId,
  headingLevel = 2,
}: {
  sessionId: string;
  headingLevel?: 2 | 3;
}) {
  const session = useLiveQuery(() => facilitatedSessionsRepo.get(sessionId), [sessionId]);
  const online = useOnlineStatus();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const ids = { heading: useId(), name: useId(), problem: useId() };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  // Online: send what waits (the session itself, ticked names), then keep the list of who joined fresh.
  useEffect(() => {
    if (!online) return;
    void sendPendingSessions().catch(() => undefined);
    const refresh = () => void refreshAttendance(sessionId).catch(() => undefined);
    const id = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(id);
  }, [online, sessionId]);

  if (!session) return null;
  const joined = (session.attendees ?? []).filter((a) => a.via === 'code');

  const tick = async (event: FormEvent) => {
    event.preventDefault();
    const typed = name.trim().replace(/\s+/g, ' ');
    if (!typed) {
      setProblem('Type a name first.');
      return;
    }
    if (typed.length > 120) {
      setProblem('That name is too long (120 characters at most).');
      return;
    }
    setProblem('');
    await facilitatedSessionsRepo.update(sessionId, (current) => {
      const base = current ?? session;
      const known = base.ticked.some((n) => n.toLowerCase() === typed.toLowerCase());
      return known ? base : { ...base, ticked: [...base.ticked, typed] };
    });
    setName('');
    if (navigator.onLine) void sendPendingSessions().catch(() => undefined);
  };
  const untick = async (who: string) => {
    await facilitatedSessionsRepo.update(sessionId, (current) => {
      const base = current ?? session;
      return { ...base, ticked: base.ticked.filter((n) => n !== who) };
    });
    if (navigator.onLine) void sendPendingSessions().catch(() => undefined);
  };

  const url = session.code ? `${window.location.origin}${joinPath(session.code)}` : '';
  return (
    <section className="attendance" aria-labelledby={ids.heading}>
      <Heading id={ids.heading}>Attendance</Heading>
      {session.code ? (
        <div className="attendance__join">
          <QrCode text={url} label={`QR code for ${url}`} className="join-qr" />
          <div>
            <p>
              On your phone, open <strong>{url.replace(/^https?:\/\//, '')}</strong>
            </p>
            <p>
              or enter the code <strong className="join-code">{session.code}</strong> under “Join a session”.
            </p>
          </div>
        </div>
      ) : (
        <p>
          {online
            ? 'Sign in under Back up and sync to give this session a join code for phones. Until then, tick names here.'
            : 'No signal: tick names here. The list is kept on this device and sent when there is a connection.'}
        </p>
      )}
      {joined.length > 0 && (
        <>
          <p>Joined on their phones ({joined.length}):</p>
          <ul className="attendance__names">
            {joined.map((a) => (
              <li key={`${a.name}-${a.at}`}>{a.name}</li>
            ))}
          </ul>
        </>
      )}
      {session.teamId && <TeamMemberTicks session={session} teamId={session.teamId} online={online} />}
      <form onSubmit={(e) => void tick(e)} noValidate>
        <label htmlFor={ids.name}>
          {session.teamId
            ? 'Tick a visitor’s name (not in the team)'
            : 'Tick a name (someone without the app)'}
        </label>
        <div className="attendance__add">
          <input
            id={ids.name}
            className="text-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? ids.problem : undefined}
          />
          <button type="submit" className="button">
            Tick
          </button>
        </div>
        {problem && (
          <p id={ids.problem} className="field__error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {session.ticked.length > 0 && (
        <ul className="attendance__names" aria-label="Ticked names">
          {session.ticked.map((who) => (
            <li key={who}>
              <span aria-hidden="true">✓</span> {who}{' '}
              <button type="button" className="button button--quiet" onClick={() => void untick(who)}>
                Untick {who}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="meta" role="status">
        {needsSending(session)
          ? 'Attendance is saved on this device and will be sent when there is a connection.'
          : 'Attendance is saved and sent.'}
      </p>
    </section>
  );
}
