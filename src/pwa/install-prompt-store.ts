// Holds the browser's `beforeinstallprompt` event from the moment the app starts listening (right after
// the first paint), because Chromium fires it once, long before anyone opens Settings.
export type InstallPromptEvent = Event & {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: string }>;
};

let promptEvent: InstallPromptEvent | null = null;
let installed = false;
let listening = false;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export type InstallSnapshot = { promptEvent: InstallPromptEvent | null; installed: boolean };
let snapshot: InstallSnapshot = { promptEvent, installed };

function update(next: Partial<InstallSnapshot>): void {
  promptEvent = next.promptEvent !== undefined ? next.promptEvent : promptEvent;
  installed = next.installed ?? installed;
  snapshot = { promptEvent, installed };
  emit();
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
  snapshot: (): InstallSnapshot => snapshot,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
