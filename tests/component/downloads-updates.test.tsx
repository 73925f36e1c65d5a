// A newer catalogue arrives while a module is downloaded: the module refreshes in the background, a lesson
// whose content changed shows "Updated", progress on a lesson whose id is unchanged is kept (progress is a
// fold of events keyed by lesson id), and a lesson removed from the course stays in the learner's record.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { metaRepo } from '../../src/db/meta-repo';
import { modulesRepo } from '../../src/db/modules-repo';
import { catalogLesson } from '../../src/shared/content/catalog-lesson';
import type { Catalog, Lesson, ModuleBundle } from '../../src/shared/content/content-types';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { renderApp } from '../helpers/render-app';
import { courseServer, withTrueSizes } from './support/course-server';

const OLD_FILE = 'modules/foundations.f0f0f0f0.json';
const NEW_FILE = 'modules/foundations.f1f1f1f1.json';

const oldBundle = fixtureBundles[OLD_FILE];
const [whatSenMeans, senSupport] = oldBundle.lessons;
const retired: Lesson = {
  ...senSupport,
  id: 'foundations-retired-lesson',
  title: 'A lesson later retired',
  hash: 'eeee5555',
};

/** Version 1 had three lessons; version 2 changes one, keeps one and drops the retired one. */
const v1Bundle: ModuleBundle = { ...oldBundle, lessons: [whatSenMeans, senSupport, retired] };
const changedSupport: Lesson = {
  ...senSupport,
  hash: 'bbbb9999',
  blocks: [{ type: 'html', id: 'html-1', section: 0, html: '<p>The graduated approach, rewritten.</p>' }],
};
const v2Bundle: ModuleBundle = {
  id: 'foundations',
  hash: 'f1f1f1f1',
  lessons: [whatSenMeans, changedSupport],
};

function catalogWith(bundle: ModuleBundle, file: string, version: string): Catalog {
  const foundations = fixtureCatalog.modules[0];
  const lessons = bundle.lessons.map(catalogLesson);
  return withTrueSizes(
    {
      ...fixtureCatalog,
      version,
      modules: [{ ...foundations, hash: bundle.hash, file, lessons }, ...fixtureCatalog.modules.slice(1)],
    },
    { ...fixtureBundles, [file]: bundle },
  );
}

describe('a newer course catalogue', () => {
  it('refreshes a downloaded module in the background, marks changed lessons and keeps all progress', async () => {
    const v1 = catalogWith(v1Bundle, OLD_FILE, 'v1');
    await metaRepo.putCatalog(v1);
    await modulesRepo.storeBundle(v1.modules[0], v1Bundle, new Date('2026-01-01T09:00:00Z'));
    const before = new Date('2026-01-02T09:00:00Z');
    await eventsRepo.record('lesson-opened', whatSenMeans.id, {}, before);
    await eventsRepo.record('lesson-completed', whatSenMeans.id, {}, before);
    await eventsRepo.record('lesson-opened', senSupport.id, {}, before);
    await eventsRepo.record('lesson-opened', retired.id, {}, before);
    await eventsRepo.record('lesson-completed', retired.id, {}, before);

    const v2 = catalogWith(v2Bundle, NEW_FILE, 'v2');
    const server = courseServer({ ...fixtureBundles, [NEW_FILE]: v2Bundle }, v2);
    const { user } = renderApp('/modules/foundations', (url) => server.fetch(url));
    vi.stubGlobal('fetch', server.fetch);

    await waitFor(async () =>
      expect((await modulesRepo.get('foundations'))?.downloadedHash).toBe('f1f1f1f1'),
    );
    expect(server.requests.some((r) => r.path === NEW_FILE)).toBe(true);

    const list = await screen.findByRole('list', { name: 'Lessons' });
    const item = (title: string) =>
      within(list).getByRole('link', { name: title }).closest('li') as HTMLElement;
    await waitFor(() =>
      expect(within(item('SEN support and EHC plans')).getByText('Updated')).toBeInTheDocument(),
    );
    expect(within(item('What SEN means')).queryByText('Updated')).not.toBeInTheDocument();
    expect(within(item('What SEN means')).getByText('Done')).toBeInTheDocument();
    expect(within(list).queryByText('A lesson later retired')).not.toBeInTheDocument();

    expect((await db.lessons.get(senSupport.id))?.blocks).toEqual(changedSupport.blocks);
    expect(await db.lessons.get(retired.id)).toBeUndefined();
    expect(await db.events.count()).toBe(5);

    await user.click(screen.getByRole('link', { name: 'Record' }));
    const main = screen.getByRole('main');
    await waitFor(() => expect(main).toHaveTextContent(retired.id));
    expect(main).toHaveTextContent('What SEN means');
  });
});
