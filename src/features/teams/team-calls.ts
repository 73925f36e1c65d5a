// The team screens' one way to the server: the sync engine's team actions (src/sync/team-actions.ts), with
// the stored session, loaded on first use. A hook runs one read and says where it stands.
import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../api/api-client';
import { appSync } from '../../sync/app-sync';
import type { TeamActions } from '../../sync/team-actions';

async function teamCalls(): Promise<TeamActions> {
  return (await appSync.load()).teams;
}

/**
 * One team call, its throw (the sync engine failing to load, a network error below the API client) turned
 * into a failure like any other, so a screen never stays on "Working…".
 */
export async function callTeam<T>(
  call: (calls: TeamActions) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  try {
    return await call(await teamCalls());
  } catch (error) {
    return { ok: false, failure: { kind: 'network', status: 0, code: 'network', message: String(error) } };
  }
}

export type TeamRead<T> =
  | { state: 'loading' }
  | { state: 'failed'; failure: ApiFailure; reload: () => void }
  | { state: 'ready'; value: T; reload: () => void };

/** Runs `read` on mount and whenever `key` changes; `reload` runs it again (after a change the screen made). */
export function useTeamRead<T>(
  key: string,
  read: (calls: TeamActions) => Promise<ApiResult<T>>,
): TeamRead<T> {
  const [result, setResult] = useState<{ key: string; answer: ApiResult<T> } | undefined>();
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is a new function each render; `key` names what it reads.
  useEffect(() => {
    let live = true;
    void callTeam(read).then((answer) => {
      if (live) setResult({ key, answer });
    });
    return () => {
      live = false;
    };
  }, [key, round]);
  if (!result || result.key !== key) return { state: 'loading' };
  return result.answer.ok
    ? { state: 'ready', value: result.answer.value, reload }
    : { state: 'failed', failure: result.answer.failure, reload };
}
