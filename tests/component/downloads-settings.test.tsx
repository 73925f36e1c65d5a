// Settings → Storage: space used, why the browser may not keep downloads, the downloaded modules with
// Remove, and "Download everything for my role" (which stops at a full disk with what to remove).
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { metaRepo } from '../../src/db/meta-repo';
import { moduleDownloader } from '../../src/downloads/module-downloader';
import { renderApp } from '../helpers/render-app';
import { courseServer } from './support/course-server';

function storagePanel() {
  return screen.getByRole('region', { name: 'Storage and offline use' });
}

beforeEach(() => {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persist: async () => false,
      persisted: async () => false,
      estimate: async () => ({ usage: 1_250_000, quota: 2_000_000_000 }),
    },
  });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('storage in Settings', () => {
  it('downloads everything for the chosen role, lists it with Remove, and explains a declined persist', async () => {
    const server = courseServer();
    const { user } = renderApp('/settings', (url) => server.fetch(url));
    vi.stubGlobal('fetch', server.fetch);
    await screen.findByRole('region', { name: 'Storage and offline use' });
    expect(await within(storagePanel()).findByText(/uses 1\.3 MB on this device/)).toBeInTheDocument();
    expect(within(storagePanel()).getByText(/Choose your role above/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Teaching assistant' }));
    const button = await within(storagePanel()).findByRole('button', {
      name: 'Download everything for my role',
    });
    expect(
      within(storagePanel()).getByText(/2 modules for teaching assistants are not on this device yet/),
    ).toBeInTheDocument();
    await user.click(button);

    expect(await within(storagePanel()).findByText('Finished: 2 of 2 downloaded.')).toBeInTheDocument();
    // The list below the progress line follows the database a moment later (a live query).
    expect(
      await within(storagePanel()).findByText(/Every module for teaching assistants is on this device/),
    ).toBeInTheDocument();
    expect((await db.modules.toArray()).map((m) => m.id).sort()).toEqual([
      'foundations',
      'speech-language-dld',
    ]);
    expect(
      await within(storagePanel()).findByRole('button', {
        name: 'Remove download: Speech, language and DLD',
      }),
    ).toBeInTheDocument();
    await metaRepo.set('storagePersistence', 'not-persisted');
    expect(await within(storagePanel()).findByText(/did not promise to keep downloads/)).toBeInTheDocument();

    await user.click(
      within(storagePanel()).getByRole('button', { name: 'Remove download: Speech, language and DLD' }),
    );
    await waitFor(async () => expect((await db.modules.toArray()).map((m) => m.id)).toEqual(['foundations']));
    expect(await db.lessons.where('moduleId').equals('speech-language-dld').count()).toBe(0);
  });

  it('stops downloading everything at a full disk and says what to remove', async () => {
    const server = courseServer();
    const { user } = renderApp('/settings', (url) => server.fetch(url));
    vi.stubGlobal('fetch', server.fetch);
    await user.click(await screen.findByRole('radio', { name: 'Teaching assistant' }));
    const button = await within(storagePanel()).findByRole('button', {
      name: 'Download everything for my role',
    });
    const realPut = db.downloadParts.put.bind(db.downloadParts);
    let writes = 0;
    const fullAfterOne = ((...args: Parameters<typeof realPut>) => {
      writes += 1;
      if (writes === 1) return realPut(...args);
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }) as typeof realPut;
    vi.spyOn(db.downloadParts, 'put').mockImplementation(fullAfterOne);

    await user.click(button);

    expect(
      await within(storagePanel()).findByText(
        'Stopped: 1 of 2 downloaded. The rest can be downloaded when there is a connection and space.',
      ),
    ).toBeInTheDocument();
    expect(within(storagePanel()).getByRole('alert')).toHaveTextContent(
      /not enough space on this device to download “Speech, language and DLD”.*such as “Foundations: the SEND Code of Practice”/,
    );
    expect((await db.modules.toArray()).map((m) => m.id)).toEqual(['foundations']);

    // The learner makes room and the module arrives later (its download resumed): the line says so.
    vi.mocked(db.downloadParts.put).mockRestore();
    const dld = server.catalog.modules.find((m) => m.id === 'speech-language-dld');
    if (!dld) throw new Error('fixture lacks speech-language-dld');
    await moduleDownloader.start(dld);
    expect(await within(storagePanel()).findByText('Finished: 2 of 2 downloaded.')).toBeInTheDocument();
  });

  it('shows a progress bar while it downloads', async () => {
    const server = courseServer();
    const release = server.holdSecondHalf();
    const { user } = renderApp('/settings', (url) => server.fetch(url));
    vi.stubGlobal('fetch', server.fetch);
    await user.click(await screen.findByRole('radio', { name: 'Teaching assistant' }));
    await user.click(
      await within(storagePanel()).findByRole('button', { name: 'Download everything for my role' }),
    );
    const bar = await within(storagePanel()).findByRole('progressbar', { name: 'Modules downloaded' });
    expect(bar).toHaveAttribute('max', '2');
    expect(within(storagePanel()).getByRole('status')).toHaveTextContent('Downloading 1 of 2…');
    release();
    expect(await within(storagePanel()).findByText('Finished: 2 of 2 downloaded.')).toBeInTheDocument();
    expect(within(storagePanel()).queryByRole('progressbar')).toBeNull();
  });
});
