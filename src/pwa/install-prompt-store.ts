// Holds the browser's `beforeinstallprompt` event from the moment the app starts listening (right after
// the first paint), because Chromium fires it once, long before anyone opens Settings.
import { createStore } from '../lib/stores/store';

export type InstallPromptEvent = Event & {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: string }>;
};

export type InstallSnapshot = { promptEvent: InstallPromptEvent | null; installed: boolean };

let listening = false;
const state = createStore<InstallSnapshot>({ promptEvent: null, installed: false });

function update(next: Partial<InstallSnapshot>): void {
  state.set({ ...state.get(), ...next });
}

export const installPromptStore = {
  listen(): void {
    if (listening || typeof window === 'undefined') return;
    listening = true;
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      update({ promptEvent: event as InstallPromptEvent });
    });
    window.addEventListener('appinstalled', () => update({ installed: true, promptEvent: null }));
  },
  markInstalled: (): void => update({ installed: true, promptEvent: null }),
  forget: (): void => update({ promptEvent: null }),
  get: state.get,
  subscribe: state.subscribe,
};
