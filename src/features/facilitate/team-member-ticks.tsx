// In a session run for a team: the team's members, each a checkbox the facilitator ticks when the person
// is in the room. Read from the roster kept on this device, so it works with no signal; the ticks are kept
// with the session and sent like typed names (send-pending-sessions.ts).
import { useEffect, useId, useState } from 'react';
import { facilitatedSessionsRepo } from '../../db/facilitated-sessions-repo';
import type { StoredFacilitatedSession } from '../../db/meta';
import type { TickedMember } from '../../shared/protocol/session-protocol';
import { sendPendingSessions } from './send-pending-sessions';
import { refreshRoster, useRoster } from './team-rosters';

type Props = { session: StoredFacilitatedSession; teamId: string; online: boolean };

export function TeamMemberTicks({ session, teamId, online }: Props) {
  const roster = useRoster(teamId);
  const hint = useId();
  // A tick shows at once, before the device has stored it: a checkbox that springs back while IndexedDB
  // writes would tell a screen reader (and a quick facilitator) that the tick did not take.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  useEffect(() => {
    if (online) void refreshRoster(teamId).catch(() => undefined);
  }, [online, teamId]);

  const teamName = session.teamName ?? roster?.teamName ?? 'The team';
  const ticked = session.tickedMembers ?? [];
  const tickedIds = new Set(ticked.map((m) => m.learnerId));
  const isTicked = (learnerId: string) => pending.get(learnerId) ?? tickedIds.has(learnerId);
  // Once the stored list agrees with a tick shown ahead of it, the stored list speaks for it again.
  const storedKey = ticked.map((m) => m.learnerId).join(' ');
  useEffect(() => {
    const stored = new Set(storedKey.split(' '));
    setPending((before) => {
      const settled = [...before].filter(([id, on]) => stored.has(id) === on).map(([id]) => id);
      return settled.length === 0 ? before : settled.reduce(withoutEntry, before);
    });
  }, [storedKey]);
  const joinedIds = new Set(
    (session.attendees ?? []).filter((a) => a.via === 'code' && a.learnerId).map((a) => a.learnerId),
  );
  // Someone ticked who has since left the roster stays listed, so a tick never vanishes unseen.
  const members = [
    ...(roster?.members ?? []),
    ...ticked.filter((m) => !roster?.members.some((r) => r.learnerId === m.learnerId)),
  ];

  const toggle = async (member: TickedMember, on: boolean) => {
    setPending((before) => new Map(before).set(member.learnerId, on));
    try {
      await facilitatedSessionsRepo.update(session.sessionId, (current) => {
        const base = current ?? session;
        const rest = (base.tickedMembers ?? []).filter((m) => m.learnerId !== member.learnerId);
        return { ...base, tickedMembers: on ? [...rest, member] : rest };
      });
    } catch (error) {
      // Not stored: the box shows what the device holds.
      setPending((before) => withoutEntry(before, member.learnerId));
      throw error;
    }
    if (navigator.onLine) void sendPendingSessions().catch(() => undefined);
  };

  if (roster === undefined) return null;
  return (
    <fieldset className="attendance__members" aria-describedby={hint}>
      <legend>{teamName}’s members</legend>
      <p id={hint} className="meta">
        {members.length === 0
          ? `${teamName}’s list of members is not on this device yet. It is fetched when there is a signal; until then, type names below.`
          : 'Tick each member who is here. Their attendance shows on the team’s dashboard.'}
      </p>
      {members.length > 0 && (
        <ul className="attendance__checks">
          {members.map((member) => {
            const joined = joinedIds.has(member.learnerId);
            return (
              <li key={member.learnerId}>
                <label>
                  <input
                    type="checkbox"
                    checked={joined || isTicked(member.learnerId)}
                    disabled={joined}
                    onChange={(e) => void toggle(member, e.target.checked)}
                  />{' '}
                  {member.name}
                  {joined && ' '}
                  {joined && <span className="meta">(joined on their phone)</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

function withoutEntry(map: ReadonlyMap<string, boolean>, key: string): ReadonlyMap<string, boolean> {
  const next = new Map(map);
  next.delete(key);
  return next;
}
