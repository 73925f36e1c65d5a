// The teams this facilitator leads and their members, read from this device (`teams` from the last pull,
// `teamRosters` from the last dashboard read), so a session can be run for a team and its members ticked
// with no signal. With a signal a roster is read again; a failure keeps the one on the device.

import type { TeamRoster } from '../../db/meta';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import type { MyTeam } from '../../shared/protocol/team-protocol';
import { appSync } from '../../sync/app-sync';

/** The teams the signed-in learner leads (owner or leader), as this device knows them. */
export function useLedTeams(): MyTeam[] | undefined {
  return useLiveQuery(
    async () => ((await metaRepo.get('teams'))?.teams ?? []).filter((t) => t.myRole !== 'member'),
    [],
  );
}

/** The roster kept on this device for `teamId`; null when there is none (yet); undefined while reading. */
export function useRoster(teamId: string | undefined): TeamRoster | null | undefined {
  return useLiveQuery(async () => {
    if (!teamId) return null;
    return (await metaRepo.get('teamRosters'))?.rosters.find((r) => r.teamId === teamId) ?? null;
  }, [teamId]);
}

/** Reads the team's members from the server and keeps them here (team-actions.ts stores them). */
export async function refreshRoster(teamId: string): Promise<void> {
  if (!(await metaRepo.get('session'))?.token) return;
  await (await appSync.load()).teams.dashboard(teamId);
}
