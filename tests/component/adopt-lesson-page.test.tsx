// The app adopting a lesson page the build rendered, as main.tsx does: the server renderer's markup and
// the client's first render must be the same (React reports any difference here, in development), the
// page's elements are kept, and a check only becomes usable once the app has taken over.
import { act, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../src/app/app-routes';
import { renderLessonPage } from '../../src/app/render-lesson-page';
import { fixtureSeed } from '../helpers/fixture-course';
import { serveFixtureCourse } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

describe('adopting a lesson page rendered at build time', () => {
  it('keeps the page it was sent, reports no mismatch, and then makes the check usable', async () => {
    const seed = fixtureSeed('foundations', 'foundations-what-sen-means');
    const container = document.createElement('div');
    container.innerHTML = await renderLessonPage(LESSON, seed);
    document.body.append(container);
    const heading = container.querySelector('h1');
    expect(heading).toHaveTextContent('What SEN means');
    // Before the app has taken over, the check cannot be used: a choice made then would be lost.
    expect(container.querySelector('form.check')).toHaveAttribute('inert');

    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => serveFixtureCourse(String(input))),
    );
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    let root: Root | undefined;
    await act(async () => {
      root = hydrateRoot(
        container,
        <StrictMode>
          <MemoryRouter initialEntries={[LESSON]}>
            <AppRoutes seed={seed} />
          </MemoryRouter>
        </StrictMode>,
        { onRecoverableError: recoverable },
      );
    });

    await waitFor(() => expect(container.querySelector('form.check')).not.toHaveAttribute('inert'));
    expect(container.querySelector('h1')).toBe(heading);
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    act(() => root?.unmount());
    container.remove();
  });
});
