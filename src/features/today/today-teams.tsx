// A member's team assignments on Today, loaded only when the device holds some (see use-today.ts): the
// card that lists them and the modules due soon that the plans put first.
import type { ReactNode } from 'react';
import type { Catalog } from '../../shared/content/content-types';
import { localDay } from '../../shared/planning/calendar-day';
import { dueSoonModules, moduleStates, todayAssignments } from '../../shared/planning/team-assignments';
import type { Progress } from '../../shared/progress/progress';
import type { MyTeam } from '../../shared/protocol/team-protocol';
import { AssignmentsCard } from './assignments-card';

/** `soon`: modules of assignments due soon, soonest first; `card`: what Today shows, if anything. */
export type TeamState = { soon: string[]; card?: ReactNode };

export function teamState(
  catalog: Catalog,
  progress: Progress,
  teams: readonly MyTeam[],
  now: Date,
): TeamState {
  const state = moduleStates(catalog, progress);
  const today = localDay(now);
  const items = todayAssignments(teams, state, today);
  return {
    soon: dueSoonModules(items, state, today),
    card: <AssignmentsCard items={items} catalog={catalog} />,
  };
}
