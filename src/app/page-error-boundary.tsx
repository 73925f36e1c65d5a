import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode };
type State = { error: unknown };

/**
 * Catches a page that fails to render or whose code cannot load (for example offline before the app was
 * saved for offline use), so the header and navigation keep working. The layout keys it by path, so
 * going to another page tries again.
 */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const loadFailed = error instanceof TypeError && /import|module|fetch/i.test(error.message);
    return (
      <>
        <h1 tabIndex={-1}>Something went wrong</h1>
        <p role="alert">
          {loadFailed
            ? 'This page could not be loaded. Check that you are online, then try again.'
            : 'This page hit a problem. Your progress is saved on this device.'}
        </p>
        <p>
          <a href="/">Reload Pocket CPD</a>
        </p>
      </>
    );
  }
}
