// Facilitated sessions run on this device (docs/facilitating.md), kept in `meta` so a session started and
// ticked with no signal survives a closed tab, and is sent to the server once there is one
// (src/sync/facilitated-sessions.ts). Newest first.
import type { StoredFacilitatedSession } from './meta';
import { metaRepo } from './meta-repo';

/** How many sessions the device keeps: a year of weekly staff meetings and then some. */
const KEEP = 100;

export const facilitatedSessionsRepo = {
  async all(): Promise<StoredFacilitatedSession[]> {
    return (await metaRepo.get('facilitatedSessions')) ?? [];
  },

  async get(sessionId: string): Promise<StoredFacilitatedSession | undefined> {
    return (await facilitatedSessionsRepo.all()).find((s) => s.sessionId === sessionId);
  },

  /** Adds the session, or changes it with `change`, in one transaction (two tabs never lose a tick). */
  async update(
    sessionId: string,
    change: (current: StoredFacilitatedSession | undefined) => StoredFacilitatedSession,
  ): Promise<StoredFacilitatedSession> {
    let updated: StoredFacilitatedSession | undefined;
    await metaRepo.update('facilitatedSessions', (stored) => {
      const sessions = [...(stored ?? [])];
      const index = sessions.findIndex((s) => s.sessionId === sessionId);
      updated = change(index >= 0 ? sessions[index] : undefined);
      if (index >= 0) sessions[index] = updated;
      else sessions.unshift(updated);
      return sessions.slice(0, KEEP);
    });
    if (!updated) throw new Error('The session was not updated.');
    return updated;
  },
};

/** True when the server has not yet got the session, or not its latest ticked names and members. */
export function needsSending(session: StoredFacilitatedSession): boolean {
  return (
    !session.code ||
    !sameNames(session.ticked, session.sentTicked ?? []) ||
    !sameNames(memberIds(session.tickedMembers), memberIds(session.sentTickedMembers))
  );
}

/**
 * The session as one run for no team, for when the server refuses its team (the facilitator no longer
 * leads it, or it was deleted): the members ticked are kept as typed names, so no tick is lost.
 */
export function withoutTeam(session: StoredFacilitatedSession): StoredFacilitatedSession {
  const { teamId: _team, teamName: _name, tickedMembers = [], sentTickedMembers: _sent, ...rest } = session;
  const known = new Set(rest.ticked.map((n) => n.toLowerCase()));
  const names = tickedMembers.map((m) => m.name).filter((n) => !known.has(n.toLowerCase()));
  return { ...rest, ticked: [...rest.ticked, ...names] };
}

const memberIds = (members: readonly { learnerId: string }[] = []) => members.map((m) => m.learnerId);

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
