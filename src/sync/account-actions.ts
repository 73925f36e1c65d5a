// Account calls for the account screens: create an account, sign in, sign out (here or everywhere), and
// read or change the account's name, email and password. The session (learner id, bearer token, the
// account's name and email) is kept in Dexie `meta`; signing out removes it but keeps every event and note
// on the device. A failed call changes nothing stored and returns the API failure to show.

import type { ApiClient, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { AccountPatch, AccountProfile, PasswordChange } from '../shared/protocol/account-protocol';
import { SIGNED_IN_MARKER } from '../shared/protocol/signed-in-marker';
import type { AccountRequest, SessionRequest, SessionResponse } from '../shared/protocol/sync-protocol';
import type { Reminders } from './reminders';
import { SIGN_IN_TO_CONTINUE, withSession } from './with-session';

export type AccountActions = ReturnType<typeof createAccountActions>;

export function createAccountActions(
  api: ApiClient,
  store: SyncStore,
  onSessionChange: () => void,
  reminders: Pick<Reminders, 'turnOff'>,
) {
  async function keep(result: ApiResult<SessionResponse>, email: string) {
    if (!result.ok) return result;
    const { learnerId, token, expiresAt, name } = result.value;
    await store.setSession({ learnerId, token, expiresAt, email: result.value.email ?? email, name });
    onSessionChange();
    return { ok: true as const, value: { learnerId } };
  }

  const withToken = <T>(run: (token: string) => Promise<ApiResult<T>>): Promise<ApiResult<T>> =>
    withSession(store, SIGN_IN_TO_CONTINUE, run);

  /** The account's name and email as the server answered them, kept with the session. */
  async function keepProfile(call: Promise<ApiResult<AccountProfile>>): Promise<ApiResult<AccountProfile>> {
    const result = await call;
    if (result.ok) await store.updateSessionProfile({ name: result.value.name, email: result.value.email });
    return result;
  }

  return {
    createAccount: async ({ email, name, password }: AccountRequest) =>
      keep(await api.createAccount({ email, name, password }), email),
    // Only the fields the server knows: its schemas are strict, and a form may hand over more.
    // The server's id of this device, when it has one, tells the server the sign-in comes from a device the
    // account used: it is spared the slow-down that guesses from elsewhere cause (docs/accounts.md).
    signIn: async ({ email, password }: SessionRequest) => {
      const deviceId = (await store.getDevice())?.deviceId;
      return keep(await api.signIn({ email, password, ...(deviceId ? { deviceId } : {}) }), email);
    },
    /** Reads the account back from the server, so a name changed on another device shows here too. */
    refreshProfile: () => withToken((token) => keepProfile(api.getAccount(token))),
    updateAccount: (patch: AccountPatch) =>
      withToken((token) => keepProfile(api.updateAccount(token, patch))),
    changePassword: (change: PasswordChange) => withToken((token) => api.changePassword(token, change)),
    /** Always signs this device out; the server is told when it can be reached (else the token expires). */
    signOut: async () => {
      // Reminders for this learner must not keep arriving on a device they signed out of (a shared tablet).
      await reminders.turnOff();
      const session = await store.getSession();
      const result = session?.token ? await api.signOut(session.token) : undefined;
      await store.clearSession();
      forgetSignedIn();
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
      forgetSignedIn();
      onSessionChange();
      return { ok: true as const, value: undefined };
    },
  };
}

/**
 * The server clears its "was signed in" marker when it hears of the sign-out; offline it cannot, so the
 * device does, or a device signed out offline would later look like one that lost its data.
 */
function forgetSignedIn(): void {
  if (typeof document === 'undefined') return;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari; the value is a constant.
  document.cookie = `${SIGNED_IN_MARKER}=; Max-Age=0; Path=/`;
}
