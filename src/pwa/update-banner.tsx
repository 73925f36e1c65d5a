import { useAppUpdate } from './use-app-update';

/** A calm notice when a new version is waiting; the app only reloads when the learner chooses. */
export function UpdateBanner() {
  const { updateReady, offlineReady, applyUpdate, dismiss } = useAppUpdate();
  if (updateReady) {
    return (
      <section className="app-notice app-notice--floating" aria-label="App update" role="status">
        <p>A new version is ready. Your progress is saved, so you can update when it suits you.</p>
        <div className="app-notice__actions">
          <button type="button" className="button" onClick={applyUpdate}>
            Update
          </button>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            Later
          </button>
        </div>
      </section>
    );
  }
  if (offlineReady) {
    return (
      <p className="app-notice app-notice--floating" role="status">
        Ready to work offline.
      </p>
    );
  }
  return null;
}
