// Offers "Install app" where the browser supports it (beforeinstallprompt, caught early by
// install-prompt-store), and a short guide on iOS Safari, which has no prompt. Hidden once installed.
import { useEffect } from 'react';
import { useStore } from '../lib/stores/use-store';
import { installPromptStore } from './install-prompt-store';
import { isIos, runsInstalled } from './platform';

export type InstallState =
  | { kind: 'installed' }
  | { kind: 'unsupported' }
  | { kind: 'ios-guide' }
  | { kind: 'available'; install: () => Promise<void> };

function isIosSafari(): boolean {
  const ua = navigator.userAgent;
  return isIos() && /safari/i.test(ua) && !/crios|fxios|edgios/i.test(ua);
}

export function useInstallPrompt(): InstallState {
  const { promptEvent, installed } = useStore(installPromptStore);
  useEffect(() => installPromptStore.listen(), []);

  if (installed || runsInstalled()) return { kind: 'installed' };
  if (promptEvent) {
    return {
      kind: 'available',
      install: async () => {
        await promptEvent.prompt();
        const choice = await promptEvent.userChoice;
        if (choice.outcome === 'accepted') installPromptStore.markInstalled();
        else installPromptStore.forget();
      },
    };
  }
  return isIosSafari() ? { kind: 'ios-guide' } : { kind: 'unsupported' };
}
