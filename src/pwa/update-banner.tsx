import { useAppUpdate } from './use-app-update';

/**
 * A calm notice when a new version is waiting; the app only reloads when the learner chooses. The first
 * visit's "Ready to work offline" is a line in the page's flow (the end of <main>), never over it: it covers
 * no button, and appearing below everything it pushes nothing. It stays until the learner closes it, so
 * nobody has to read it against a clock.
 */
export function UpdateBanner() {
  const { updateReady, offlineReady, applyUpdate, dismiss, dismissOfflineReady } = useAppUpdate();
  return (
    <>
      {updateReady && (
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
      )}
      {/* Present before it has anything to say, so screen readers announce the line when it arrives. */}
      <div role="status">
        {offlineReady && !updateReady && (
          <div className="app-notice offline-ready">
            <p>
              <strong>Ready to work offline.</strong> This app now opens without a connection, with the
              lessons you have opened or downloaded.
            </p>
            <button type="button" className="button button--quiet" onClick={dismissOfflineReady}>
              OK
            </button>
          </div>
        )}
      </div>
    </>
  );
}
