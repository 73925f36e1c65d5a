// Ways back into an account and the learner's data rights, for the account screens: recovery codes, the
// three password resets (each signs this device in, like sign-in), the record of reset codes team leaders
// issued, the data download and account deletion.
// Every call returns the api result; a failure changes nothing stored on the device.
import type { ApiClient, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { LeaderCodeReset } from '../shared/protocol/leader-reset-protocol';
import type { RecoveryCodeReset, TokenReset } from '../shared/protocol/recovery-protocol';
import type { SessionResponse } from '../shared/protocol/sync-protocol';
import type { CreateXapiKeyRequest } from '../shared/protocol/xapi-protocol';
import type { Reminders } from './reminders';
import { SIGN_IN_TO_CONTINUE, withSession } from './with-session';

export type RecoveryActions = ReturnType<typeof createRecoveryActions>;

export function createRecoveryActions(
  api: ApiClient,
  store: SyncStore,
  onSessionChange: () => void,
  reminders: Pick<Reminders, 'turnOff'>,
) {
  const withToken = <T>(run: (token: string) => Promise<ApiResult<T>>): Promise<ApiResult<T>> =>
    withSession(store, SIGN_IN_TO_CONTINUE, run);

  async function keep(result: ApiResult<SessionResponse>, email?: string) {
    if (!result.ok) return result;
    const { learnerId, token, expiresAt } = result.value;
    await store.setSession({ learnerId, token, expiresAt, ...(email ? { email } : {}) });
    onSessionChange();
    return { ok: true as const, value: { learnerId } };
  }

  return {
    /** Ten new codes (the old set stops working); asks for the current password. */
    makeRecoveryCodes: (password: string) => withToken((token) => api.makeRecoveryCodes(token, password)),
    recoveryCodesStatus: () => withToken((token) => api.recoveryCodesStatus(token)),
    resetOptions: () => api.resetOptions(),
    emailResetLink: (email: string) => api.emailResetLink(email),
    resetWithRecoveryCode: async ({ email, code, password }: RecoveryCodeReset) =>
      keep(await api.resetWithRecoveryCode({ email, code, password }), email),
    resetWithToken: async ({ token, password }: TokenReset) =>
      keep(await api.resetWithToken({ token, password })),
    resetWithLeaderCode: async ({ email, code, password }: LeaderCodeReset) =>
      keep(await api.resetWithLeaderCode({ email, code, password }), email),
    leaderCodeRecords: () => withToken((token) => api.leaderCodeRecords(token)),
    myData: () => withToken((token) => api.myData(token)),
    /** The learner's xAPI keys to their own records (docs/xapi.md). */
    xapiKeys: () => withToken((token) => api.xapiKeys(token)),
    createXapiKey: (body: CreateXapiKeyRequest) => withToken((token) => api.createXapiKey(token, body)),
    revokeXapiKey: (keyId: string) => withToken((token) => api.revokeXapiKey(token, keyId)),
    /**
     * Deletes the account on the server. Afterwards this device is signed out, its push reminders end, and
     * its local copy stays until the learner chooses to keep or remove it.
     */
    deleteAccount: async (password: string) => {
      const result = await withToken((token) => api.deleteAccount(token, { password }));
      if (!result.ok) return result;
      await store.clearSession();
      onSessionChange();
      // With the session gone this only unsubscribes the browser (the server already forgot the
      // subscription); not awaited, as it waits for the service worker, which may not be running yet.
      reminders.turnOff().catch(() => undefined);
      return result;
    },
  };
}
