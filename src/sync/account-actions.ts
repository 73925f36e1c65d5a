// Account calls for the account screens: create an account, sign in, sign out (here or everywhere).
// The session (learner id + bearer token) is kept in Dexie `meta`; signing out removes it but keeps every
// event and note on the device. A failed call changes nothing stored and returns the API failure to show.

import type { ApiClient, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';

export type AccountActions = ReturnType<typeof createAccountActions>;

export function createAccountActions(api: ApiClient, store: SyncStore, onSessionChange: () => void) {
  async function keep(
    result: ApiResult<{ learnerId: string; token: string; expiresAt: string }>,
    email: string,
  ) {
    if (!result.ok) return result;
    const { learnerId, token, expiresAt } = result.value;
    await store.setSession({ learnerId, token, expiresAt, email });
    onSessionChange();
    return { ok: true as const, value: { learnerId } };
  }

  return {
    createAccount: async ({ email, name, password }: { email: string; name: string; password: string }) =>
      keep(await api.createAccount({ email, name, password }), email),
    // Only the fields the server knows: its schemas are strict, and a form may hand over more.
    signIn: async ({ email, password }: { email: string; password: string }) =>
      keep(await api.signIn({ email, password }), email),
    /** Always signs this device out; the server is told when it can be reached (else the token expires). */
    signOut: async () => {
      const session = await store.getSession();
      // Reminders for this learner must not keep arriving on a device they signed out of (a shared tablet).
      await endPushReminders(api, session?.token);
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

/** Unsubscribes this browser from push reminders and tells the server, when it can be reached. */
async function endPushReminders(api: ApiClient, token: string | undefined): Promise<void> {
  try {
    const registration = await globalThis.navigator?.serviceWorker?.getRegistration();
    const subscription = await registration?.pushManager?.getSubscription();
    if (!subscription) return;
    await subscription.unsubscribe();
    // Once unsubscribed the push service answers the server 410 and it forgets the subscription anyway.
    if (token) await api.deletePushSubscription(token, subscription.endpoint);
  } catch {
    // No service worker or push here: nothing to end.
  }
}
