// Signing out of a device ends its push reminders: the browser unsubscribes and the server is told, so a
// shared tablet stops showing the last learner's reminders.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../src/api/api-client';
import type { SyncStore } from '../../../src/db/sync-store';
import { createAccountActions } from '../../../src/sync/account-actions';
import { createReminders } from '../../../src/sync/reminders';

afterEach(() => {
  vi.unstubAllGlobals();
});

function setup(subscribed: boolean) {
  const calls: string[] = [];
  const subscription = {
    endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
    unsubscribe: async () => {
      calls.push('unsubscribe');
      return true;
    },
  };
  vi.stubGlobal('navigator', {
    serviceWorker: {
      getRegistration: async () => ({
        pushManager: { getSubscription: async () => (subscribed ? subscription : null) },
      }),
    },
  });
  const api = {
    deletePushSubscription: async (token: string, endpoint: string) => {
      calls.push(`delete ${token} ${endpoint}`);
      return { ok: true, value: undefined };
    },
    signOut: async (token: string) => {
      calls.push(`sign out ${token}`);
      return { ok: true, value: undefined };
    },
  } as unknown as ApiClient;
  const store = {
    getSession: async () => ({ learnerId: 'l', token: 'tok', email: 'a@example.org' }),
    clearSession: async () => {
      calls.push('clear');
    },
  } as unknown as SyncStore;
  return { calls, actions: createAccountActions(api, store, () => undefined, createReminders(api, store)) };
}

describe('sign out and push reminders', () => {
  it('unsubscribes this browser and deletes the subscription on the server before the session ends', async () => {
    const { calls, actions } = setup(true);
    await actions.signOut();
    expect(calls).toEqual([
      'unsubscribe',
      'delete tok https://fcm.googleapis.com/fcm/send/abc',
      'sign out tok',
      'clear',
    ]);
  });

  it('without a subscription just signs out', async () => {
    const { calls, actions } = setup(false);
    await actions.signOut();
    expect(calls).toEqual(['sign out tok', 'clear']);
  });
});
