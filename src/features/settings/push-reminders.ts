// Turning push reminders on and off for this device, in the learner's words. The browser's side is
// src/pwa/push-subscription.ts; the server's side goes through the sync engine's api client and stored
// session (appSync.reminders), so a lost session takes the one 401 path. Push needs a signed-in learner (the
// server sends it) and a browser that can receive it; on iPhone and iPad only an app added to the Home
// Screen can.
import type { ApiFailure } from '../../api/api-client';
import { appSync } from '../../sync/app-sync';

export type PushChange = { ok: true } | { ok: false; message: string };

export const pushStatus = (): Promise<'signed-out' | 'on' | 'off'> => appSync.reminders.status();

export async function turnOnPush(): Promise<PushChange> {
  const result = await appSync.reminders.turnOn();
  if (result.ok) return result;
  switch (result.reason) {
    case 'signed-out':
      return { ok: false, message: 'Sign in under Back up and sync first: the reminders come from there.' };
    case 'not-allowed':
      return {
        ok: false,
        message: 'Notifications are not allowed for Pocket CPD. Allow them in your browser settings.',
      };
    case 'no-worker':
      return {
        ok: false,
        message: 'Reminders need the app to finish installing. Reload the page and try again.',
      };
    case 'browser':
      return { ok: false, message: `This browser could not set up reminders (${result.detail}).` };
    case 'server':
      return { ok: false, message: failureText(result.failure) };
  }
}

export async function turnOffPush(): Promise<PushChange> {
  await appSync.reminders.turnOff();
  return { ok: true };
}

function failureText(failure: ApiFailure): string {
  if (failure.kind === 'network') return 'No connection to the server. Try again when you are online.';
  if (failure.kind === 'unauthorized') return 'Your session has ended. Sign in again under Back up and sync.';
  return 'The server could not turn reminders on. Try again later.';
}
