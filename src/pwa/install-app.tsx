import { useInstallPrompt } from './use-install-prompt';

/** "Install app" where the browser offers it; Add to Home Screen steps on iOS Safari; nothing otherwise. */
export function InstallApp() {
  const state = useInstallPrompt();
  if (state.kind === 'available') {
    return (
      <button type="button" className="button" onClick={() => void state.install()}>
        Install app
      </button>
    );
  }
  if (state.kind === 'ios-guide') {
    return (
      <details className="install-guide">
        <summary>Add Pocket CPD to your Home Screen</summary>
        <ol>
          <li>Tap the Share button at the bottom of Safari.</li>
          <li>Scroll down and tap “Add to Home Screen”.</li>
          <li>Tap “Add”. Pocket CPD then opens like an app, even with no signal.</li>
        </ol>
      </details>
    );
  }
  return null;
}
