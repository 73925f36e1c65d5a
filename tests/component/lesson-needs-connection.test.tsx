// Opening a lesson whose module is not on the device: offline it says calmly that the lesson needs a
// connection, with a way back, and opens by itself when the connection returns; online with the server
// failing it still says the course could not be loaded.
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { metaRepo } from '../../src/db/meta-repo';
import { fixtureCatalog } from '../helpers/fixture-course';
import { type FetchStub, offline, renderApp, serveFixtureCourse } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';
const EXPLANATION =
  /You are offline and this lesson’s module is not on your device yet\. Connect to the internet to open it/;

function goOffline(): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
}

function comeBackOnline(fetchStub: FetchStub): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => fetchStub(String(input))),
  );
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

describe('a lesson whose module is not on the device', () => {
  it('offline says it needs a connection, links back to its module, and opens when back online', async () => {
    await metaRepo.putCatalog(fixtureCatalog);
    goOffline();
    renderApp(LESSON, offline);

    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    const notice = screen.getByText('Needs a connection.').closest('p');
    expect(notice).toHaveTextContent(EXPLANATION);
    expect(
      screen.getByRole('link', { name: 'Back to Foundations: the SEND Code of Practice' }),
    ).toHaveAttribute('href', '/modules/foundations');
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();

    comeBackOnline(serveFixtureCourse);

    expect(
      await screen.findByRole('region', { name: 'In this lesson you will learn to' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(screen.queryByText('Needs a connection.')).not.toBeInTheDocument();
  });

  it('offline on a device with no catalogue says the same under a plain "Lesson" heading, and opens when back online', async () => {
    goOffline();
    renderApp(LESSON, offline);

    expect(await screen.findByRole('heading', { level: 1, name: 'Lesson' })).toBeInTheDocument();
    expect(await screen.findByText('Needs a connection.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse all modules' })).toHaveAttribute('href', '/modules');

    // Back online, the catalogue and then the lesson are fetched without a reload.
    comeBackOnline(serveFixtureCourse);
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'In this lesson you will learn to' }),
    ).toBeInTheDocument();
  });

  it('online with the server failing still says the course could not be loaded', async () => {
    await metaRepo.putCatalog(fixtureCatalog);
    renderApp(LESSON, async (url) =>
      url.includes('/modules/') ? new Response('Unavailable', { status: 503 }) : serveFixtureCourse(url),
    );

    expect(await screen.findByText(/The course could not be loaded\./)).toHaveAttribute('role', 'alert');
    expect(screen.queryByText('Needs a connection.')).not.toBeInTheDocument();
  });
});
