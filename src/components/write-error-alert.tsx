import { useWriteError, writeErrors } from '../lib/stores/write-errors';

/** Shown whenever a save failed; says what happened to the learner's work and what to do. */
export function WriteErrorAlert() {
  const error = useWriteError();
  return (
    <div role="alert" className={error ? 'alert' : undefined}>
      {error && (
        <>
          <p className="alert__title">
            {error.kind === 'quota'
              ? 'Your device is out of storage space'
              : 'That change could not be saved'}
          </p>
          <p>
            {error.kind === 'quota'
              ? 'Your last change was not saved. Everything you saved before is safe. Free up some space on this device (for example delete photos, videos or apps you no longer need), then try again.'
              : 'Your last change was not saved. Everything you saved before is safe. Please try again; if it keeps happening, reload the app.'}
          </p>
          <button type="button" className="button button--quiet" onClick={writeErrors.clear}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
