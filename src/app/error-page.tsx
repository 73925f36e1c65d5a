import { useRouteError } from 'react-router';

/**
 * Shown when a page fails to render or its code cannot load (for example offline before the app was
 * saved for offline use). A plain link reloads the app rather than trusting the broken state.
 */
export function ErrorPage() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /import|module/i.test(error.message);
  return (
    <main id="main" className="main">
      <h1>Something went wrong</h1>
      <p>
        {chunkFailed
          ? 'This page could not be loaded. Check that you are online, then try again.'
          : 'This page hit a problem. Your progress is saved on this device.'}
      </p>
      <p>
        <a href="/">Go back to Today</a>
      </p>
    </main>
  );
}
