// Sessions run on this device reach the server from here: each one the server lacks, or whose ticked
// names or team members changed since they were last sent. Called when a session screen opens with a signal, when the
// signal returns and after each tick, so a list ticked offline goes up as soon as it can. Failures leave
// the session waiting for the next call.
import { facilitatedSessionsRepo, needsSending, withoutTeam } from '../../db/facilitated-sessions-repo';
import type { StoredFacilitatedSession } from '../../db/meta';
import { appSync } from '../../sync/app-sync';

let running: Promise<void> | undefined;

/** Sends what waits; a call while one is running waits for it and then runs once more. */
export function sendPendingSessions(): Promise<void> {
  const next = (running ?? Promise.resolve()).then(sendAll, sendAll);
  running = next;
  return next;
}

async function sendAll(): Promise<void> {
  for (const session of await facilitatedSessionsRepo.all()) {
    if (!needsSending(session)) continue;
    // No account or no signal: the rest would fail the same way.
    if (!(await send(session))) return;
  }
}

async function send(session: StoredFacilitatedSession): Promise<boolean> {
  const {
    ticked,
    tickedMembers = [],
    teamName: _teamName,
    sentTickedMembers: _sentMembers,
    code: _code,
    expiresAt: _expires,
    sentTicked: _sent,
    attendees: _attendees,
    ...request
  } = session;
  const started = await appSync.sessions.start(request);
  if (!started.ok) {
    if (started.failure === 'signed-out' || started.failure.kind === 'network') return false;
    // The team is no longer the facilitator's to run sessions for: keep the session and every tick, as
    // a session for no team, and send it that way.
    if (request.teamId !== undefined && TEAM_REFUSED.has(started.failure.code)) {
      const plain = await facilitatedSessionsRepo.update(session.sessionId, (current) =>
        withoutTeam(current ?? session),
      );
      return send(plain);
    }
    return true;
  }
  const names = [...ticked];
  const members = [...tickedMembers];
  const put = await appSync.sessions.putTicked(session.sessionId, names, members);
  await facilitatedSessionsRepo.update(session.sessionId, (current) => ({
    ...(current ?? session),
    code: started.value.code,
    expiresAt: started.value.expiresAt,
    ...(put.ok ? { sentTicked: names, sentTickedMembers: members, attendees: put.value.attendees } : {}),
  }));
  return put.ok || (put.failure !== 'signed-out' && put.failure.kind !== 'network');
}

const TEAM_REFUSED = new Set(['team_not_found', 'not_a_leader']);

/** Who the server knows attended, kept with the session on this device. */
export async function refreshAttendance(sessionId: string): Promise<void> {
  const answer = await appSync.sessions.attendance(sessionId);
  if (!answer.ok) return;
  await facilitatedSessionsRepo.update(sessionId, (current) => {
    if (!current) throw new Error(`No session ${sessionId} on this device.`);
    return { ...current, attendees: answer.value.attendees };
  });
}
