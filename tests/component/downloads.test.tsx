// Every state of "Download for offline" on the module page, as a learner sees it: available, downloading
// with a progress bar, cut off and resumed from where it stopped (also after a reload), downloaded with
// "Remove download", quota exceeded with what to remove, a failed download, and offline.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { metaRepo } from '../../src/db/meta-repo';
import { modulesRepo } from '../../src/db/modules-repo';
import { resetStores } from '../../src/lib/stores/store';
import { fixtureBundles } from '../helpers/fixture-course';
import { renderApp } from '../helpers/render-app';
import { courseServer } from './support/course-server';

const MODULE = '/modules/foundations';
const FILE = 'modules/foundations.f0f0f0f0.json';

function setup(route = MODULE, server = courseServer()) {
  const app = renderApp(route, (url) => server.fetch(url));
  vi.stubGlobal('fetch', server.fetch);
  return { ...app, server };
}

function downloadSection() {
  return screen.getByRole('region', { name: 'Use offline' });
}

describe('downloading a module for offline', () => {
  it('shows the size, a progress bar from bytes received, then Downloaded with Remove', async () => {
    const { user, server } = setup();
    const size = server.bytesOf(FILE);
    const button = await screen.findByRole('button', { name: /Download for offline \(\d+ KB\)/ });
    const release = server.holdSecondHalf();

    await user.click(button);

    const bar = await screen.findByRole('progressbar', { name: /Downloading…/ });
    expect(bar).toHaveAttribute('value', String(Math.ceil(size / 2)));
    expect(bar).toHaveAttribute('max', String(size));
    expect(within(downloadSection()).getByText(/Downloading… \d+ KB of \d+ KB \(5\d%\)/)).toBeInTheDocument();
    release();

    expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove download' })).toBeInTheDocument();
    expect((await db.lessons.where('moduleId').equals('foundations').primaryKeys()).sort()).toEqual([
      'foundations-sen-support',
      'foundations-what-sen-means',
    ]);
    expect((await modulesRepo.get('foundations'))?.downloadedBytes).toBe(size);
    expect(await db.downloadParts.count()).toBe(0);
  });

  it('resumes an interrupted download from the byte it stopped at, also after a reload', async () => {
    const { user, server, unmount } = setup();
    const size = server.bytesOf(FILE);
    const cut = 700;
    server.cutNextAfter(cut);
    await user.click(await screen.findByRole('button', { name: /Download for offline/ }));

    expect(await screen.findByText(/Download paused at \d+% \(700 bytes of/)).toBeInTheDocument();
    expect(await db.downloadParts.count()).toBe(1);
    expect((await db.downloadParts.toArray())[0].bytes.byteLength).toBe(cut);
    expect(await modulesRepo.get('foundations')).toBeNull();

    // The tab closes and opens again: the received bytes are still in Dexie.
    unmount();
    await resetStores();
    const again = setup(MODULE, server);
    const resume = await again.findByRole('button', { name: 'Resume download' });
    expect(screen.getByText(/Download paused at \d+%/)).toBeInTheDocument();
    await again.user.click(resume);

    expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
    const bundleRequests = server.requests.filter((r) => r.path === FILE);
    expect(bundleRequests).toEqual([
      { path: FILE, range: undefined },
      { path: FILE, range: `bytes=${cut}-` },
    ]);
    const stored = await db.lessons.get('foundations-what-sen-means');
    expect(stored?.blocks).toEqual(fixtureBundles[FILE].lessons[0].blocks);
    expect((await modulesRepo.get('foundations'))?.downloadedBytes).toBe(size);
    expect(await db.downloadParts.count()).toBe(0);
  });

  it('names what to remove when the device is full, and loses nothing already saved', async () => {
    const server = courseServer();
    const other = server.catalog.modules.find((m) => m.id === 'speech-language-dld');
    if (!other) throw new Error('fixture lacks speech-language-dld');
    await modulesRepo.storeBundle(other, fixtureBundles[other.file]);
    await eventsRepo.record('lesson-completed', 'speech-language-dld-what-dld-is', {});
    const { user } = setup(MODULE, server);
    const quota = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    const put = vi.spyOn(db.downloadParts, 'put').mockRejectedValue(quota);

    await user.click(await screen.findByRole('button', { name: /Download for offline/ }));

    expect(await screen.findByText('Not enough space to download')).toBeInTheDocument();
    expect(
      screen.getByText(
        /not enough space on this device to download “Foundations: the SEND Code of Practice”.*Remove a download you have finished with, such as “Speech, language and DLD” \(\d+ bytes\), under Storage in Settings/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your progress, notes and earlier downloads are safe/)).toBeInTheDocument();
    put.mockRestore();
    expect(await db.lessons.get('speech-language-dld-what-dld-is')).toBeDefined();
    expect((await modulesRepo.get('speech-language-dld'))?.downloadedHash).toBe(other.hash);
    expect((await db.events.toArray()).map((e) => e.type)).toEqual(['lesson-completed']);
    expect(await modulesRepo.get('foundations')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
  });

  it('says a download did not finish when the server fails, and offers to try again', async () => {
    const { user, server } = setup();
    server.failWith(503);
    await user.click(await screen.findByRole('button', { name: /Download for offline/ }));
    expect(
      await screen.findByText(/The download did not finish\. The server answered HTTP 503\./),
    ).toBeInTheDocument();
    server.failWith(undefined);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
  });

  it('removes a download but keeps progress, and asks once for persistent storage', async () => {
    const persist = vi.fn(async () => false);
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persist, persisted: async () => false, estimate: async () => ({ usage: 52_000, quota: 1e9 }) },
    });
    try {
      const { user } = setup();
      await user.click(await screen.findByRole('button', { name: /Download for offline/ }));
      expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
      await waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
      expect(await metaRepo.get('storagePersistence')).toBe('not-persisted');
      await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});

      await user.click(screen.getByRole('button', { name: 'Remove download' }));

      expect(await screen.findByRole('button', { name: /Download for offline/ })).toBeInTheDocument();
      expect(await db.lessons.where('moduleId').equals('foundations').count()).toBe(0);
      expect(screen.getByText(/This module: 1 of 2 lessons done/)).toBeInTheDocument();
      expect(await db.events.count()).toBe(1);

      await user.click(screen.getByRole('button', { name: /Download for offline/ }));
      expect(await within(downloadSection()).findByText('Downloaded')).toBeInTheDocument();
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });

  it('marks modules not on the device "Needs a connection" while offline', async () => {
    const server = courseServer();
    await metaRepo.putCatalog(server.catalog);
    const held = server.catalog.modules.find((m) => m.id === 'speech-language-dld');
    if (!held) throw new Error('fixture lacks speech-language-dld');
    await modulesRepo.storeBundle(held, fixtureBundles[held.file]);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);

    const { user } = setup('/modules', server);
    window.dispatchEvent(new Event('offline'));

    expect(await screen.findByText('You are offline.')).toBeInTheDocument();
    const card = (name: string) => screen.getByRole('heading', { name }).closest('li') as HTMLElement;
    await waitFor(() =>
      expect(
        within(card('Foundations: the SEND Code of Practice')).getByText('Needs a connection'),
      ).toBeInTheDocument(),
    );
    expect(
      within(card('Speech, language and DLD')).queryByText('Needs a connection'),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Foundations: the SEND Code of Practice' }));
    const section = await screen.findByRole('region', { name: 'Use offline' });
    expect(await within(section).findByText('Needs a connection.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download for offline/ })).not.toBeInTheDocument();
  });
});
