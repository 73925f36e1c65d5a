// Account calls for the account screens: create an account, sign in, sign out (here or everywhere).
// The session (learner id + bearer token) is kept in Dexie `meta`; signing out removes it but keeps every
// event and note on the device. A failed call changes nothing stored and returns the API failure to show.

import type { ApiClient, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { AccountRequest, SessionRequest, SessionResponse } from '../shared/sync-protocol';
import type { Reminders } from './reminders';

export type AccountActions = ReturnType<typeof createAccountActions>;

export function createAccountActions(
  api: ApiClient,
  store: SyncStore,
  onSessionChange: () => void,
  reminders: Pick<Reminders, 'turnOff'>,
) {
  async function keep(result: ApiResult<SessionResponse>, email: string) {
    if (!result.ok) return result;
    const { learnerId, token, expiresAt } = result.value;
    await store.setSession({ learnerId, token, expiresAt, email });
    onSessionChange();
    return { ok: true as const, value: { learnerId } };
  }

  return {
    createAccount: async ({ email, name, password }: AccountRequest) =>
      keep(await api.createAccount({ email, name, password }), email),
    // Only the fields the server knows: its schemas are strict, and a form may hand over more.
    signIn: async ({ email, password }: SessionRequest) => keep(await api.signIn({ email, password }), email),
    /** Always signs this device out; the server is told when it can be reached (else the token expires). */
    signOut: async () => {
      // Reminders for this learner must not keep arriving on a device they signed out of (a shared tablet).
      await reminders.turnOff();
      const session = await store.getSession();
      const result = session?.token ? await api.signOut(session.token) : undefined;
      await store.clearSession();
      onSessionChange();
      return result ?? { ok: true as const, value: undefined };
    },
    /** Needs the server: every device's session ends there, so it fails (and keeps this one) when offline. */
    signOutEverywhere: async () => {
      const session = await store.getSession();
      if (!session?.token) return { ok: true as const, value: undefined };
      const result = await api.signOutEverywhere(session.token);
      if (!result.ok && result.failure.kind !== 'unauthorized') return result;
      await store.clearSession();
      onSessionChange();
      return { ok: true as const, value: undefined };
    },
  };
}
