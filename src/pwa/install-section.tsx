import { InstallApp } from './install-app';
import { useInstallPrompt } from './use-install-prompt';

/** Settings → Install: shown only where installing is possible and the app is not installed yet. */
export function InstallSection() {
  const state = useInstallPrompt();
  if (state.kind === 'installed' || state.kind === 'unsupported') return null;
  return (
    <section aria-labelledby="install-heading">
      <h2 id="install-heading">Install the app</h2>
      <p>Pocket CPD can sit on your home screen and open like an app, even with no signal.</p>
      <InstallApp />
    </section>
  );
}
