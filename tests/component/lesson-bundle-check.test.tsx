// A module bundle that is not the version the catalogue names (a stale cache, a mislabelled file) is
// neither shown nor stored when a lesson page fetches it: the page says the course could not be loaded, and
// IndexedDB keeps nothing under the catalogue's hash, so the next visit fetches again.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lessonsRepo } from '../../src/db/lessons-repo';
import { metaRepo } from '../../src/db/meta-repo';
import { modulesRepo } from '../../src/db/modules-repo';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { renderApp, serveFixtureCourse } from '../helpers/render-app';

const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
if (!module) throw new Error('the fixture course has a foundations module');

describe('a lesson page fetching its module bundle', () => {
  it('refuses a bundle of another version: says so, and stores nothing', async () => {
    await metaRepo.putCatalog(fixtureCatalog);
    const bundle = fixtureBundles[module.file];
    renderApp('/modules/foundations/foundations-what-sen-means', async (url) =>
      url.endsWith(module.file)
        ? new Response(JSON.stringify({ ...bundle, hash: 'another-version' }), { status: 200 })
        : serveFixtureCourse(url),
    );

    expect(await screen.findByText(/The course could not be loaded\./)).toHaveAttribute('role', 'alert');
    expect(
      screen.queryByRole('region', { name: 'In this lesson you will learn to' }),
    ).not.toBeInTheDocument();
    expect(await modulesRepo.get('foundations')).toBeNull();
    expect(await lessonsRepo.get('foundations-what-sen-means')).toBeNull();
  });

  it('shows and stores the bundle the catalogue names', async () => {
    await metaRepo.putCatalog(fixtureCatalog);
    renderApp('/modules/foundations/foundations-what-sen-means');

    expect(
      await screen.findByRole('region', { name: 'In this lesson you will learn to' }),
    ).toBeInTheDocument();
    await expect.poll(async () => (await modulesRepo.get('foundations'))?.downloadedHash).toBe(module.hash);
  });
});
