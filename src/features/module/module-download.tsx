import { useId } from 'react';
import { useModuleDownload } from '../../downloads/use-module-download';
import { format } from '../../lib/text/format';
import { formatBytes } from '../../lib/text/format-bytes';
import type { CatalogModule } from '../../shared/content/content-types';

/** "Download for offline" with its size, a progress bar while it runs, then "Downloaded" and "Remove". */
export function ModuleDownload({ module }: { module: CatalogModule }) {
  const { view, download, remove, dismiss } = useModuleDownload(module);
  const headingId = useId();
  const progressId = useId();

  const body = (() => {
    switch (view.state) {
      case 'loading':
        return null;
      case 'available':
        return (
          <>
            <p>Save this module on your device so its lessons open with no signal.</p>
            <button type="button" className="button" onClick={() => void download()}>
              Download for offline ({formatBytes(view.bytes)})
            </button>
          </>
        );
      case 'needs-connection':
        return (
          <p className="offline-mark">
            <strong>Needs a connection.</strong> You are offline and this module is not on your device yet.
            Download it ({formatBytes(view.bytes)}) next time you have Wi-Fi or signal.
          </p>
        );
      case 'downloading':
        return (
          <>
            <p id={progressId} role="status">
              Downloading… {formatBytes(view.received)} of {formatBytes(view.total)} (
              {format.percent(view.received, view.total)}%)
            </p>
            <progress aria-labelledby={progressId} max={Math.max(view.total, 1)} value={view.received} />
          </>
        );
      case 'interrupted':
        return (
          <>
            <p id={progressId} role="status">
              Download paused at {format.percent(view.received, view.total)}% ({formatBytes(view.received)} of{' '}
              {formatBytes(view.total)} saved).{' '}
              {view.online
                ? 'It carries on from there.'
                : 'The connection dropped; it carries on from there when you are back online.'}
            </p>
            <progress aria-labelledby={progressId} max={Math.max(view.total, 1)} value={view.received} />
            <button type="button" className="button" onClick={() => void download()}>
              Resume download
            </button>
          </>
        );
      case 'quota':
        return (
          <div role="alert" className="alert">
            <p className="alert__title">Not enough space to download</p>
            <p>{view.message}</p>
            <button type="button" className="button" onClick={() => void download()}>
              Try again
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        );
      case 'failed':
        return (
          <div role="alert">
            <p>The download did not finish. {view.reason}</p>
            <button type="button" className="button" onClick={() => void download()}>
              Try again
            </button>
          </div>
        );
      case 'downloaded':
        return (
          <>
            <p role="status">
              <strong>Downloaded</strong> · {formatBytes(view.bytes)}
              {view.outdated ? ' · a newer version is on its way' : ''}. Its lessons open with no signal.
            </p>
            <button type="button" className="button button--quiet" onClick={() => void remove()}>
              Remove download
            </button>
            <p className="meta">Removing it frees the space; your progress and notes stay.</p>
          </>
        );
    }
  })();

  return (
    <section className="card module-download" aria-labelledby={headingId}>
      <h2 id={headingId}>Use offline</h2>
      {body}
    </section>
  );
}
