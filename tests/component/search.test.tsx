import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/course-compiler/search-index';
import { modulesRepo } from '../../src/db/modules-repo';
import { forgetSearchIndex } from '../../src/features/search/load-search-index';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { type FetchStub, renderApp, serveFixtureCourse } from '../helpers/render-app';

beforeEach(() => forgetSearchIndex());

const searchIndex = buildSearchIndex(fixtureCatalog, Object.values(fixtureBundles));

const withIndex: FetchStub = async (url) =>
  url.endsWith('/content/search-index.json') ? new Response(searchIndex) : serveFixtureCourse(url);

const foundations = fixtureCatalog.modules.find((m) => m.id === 'foundations');

describe('search', () => {
  it('finds a lesson by an abbreviation of its title, says whether it is downloaded and links to it', async () => {
    if (!foundations) throw new Error('fixture lacks foundations');
    await modulesRepo.storeBundle(foundations, fixtureBundles[foundations.file] as never);
    const { user, location } = renderApp('/search', withIndex);
    await user.type(await screen.findByRole('searchbox', { name: 'Search lessons' }), 'EHCP');
    expect(await screen.findByText('1 lesson found for “EHCP”.')).toBeInTheDocument();
    const results = screen.getByRole('list', { name: 'Search results' });
    const item = within(results).getByRole('listitem');
    expect(item).toHaveTextContent('SEN support and EHC plans');
    expect(item).toHaveTextContent('Foundations: the SEND Code of Practice');
    expect(await within(item).findByText(/Downloaded/)).toBeInTheDocument();
    expect(location.current?.search).toBe('?q=EHCP');
    await user.click(within(item).getByRole('link', { name: 'SEN support and EHC plans' }));
    expect(location.current?.pathname).toBe('/modules/foundations/foundations-sen-support');
  });

  it('says a lesson that is not on the device needs a connection, and finds DLD by its long name', async () => {
    renderApp('/search?q=language%20disorder', withIndex);
    const results = await screen.findByRole('list', { name: 'Search results' });
    const item = within(results).getByRole('listitem');
    expect(item).toHaveTextContent('What DLD is');
    expect(await within(item).findByText(/Not downloaded: needs a connection/)).toBeInTheDocument();
  });

  it('says plainly when nothing matches', async () => {
    renderApp('/search?q=zebra', withIndex);
    expect(
      await screen.findByText('No lessons found for “zebra”. Try fewer or shorter words.'),
    ).toBeInTheDocument();
  });

  it('explains, with a way to try again, when the index cannot load', async () => {
    const { user } = renderApp('/search?q=autism', async (url) =>
      url.endsWith('search-index.json') ? new Response('gone', { status: 404 }) : serveFixtureCourse(url),
    );
    expect(await screen.findByText(/Search could not load/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Search could not load/)).toBeInTheDocument();
  });

  it('searches from the header box on any page', async () => {
    const { user, location } = renderApp('/modules', withIndex);
    const box = screen.getByRole('searchbox', { name: 'Search lessons' });
    await user.type(box, 'what sen means{Enter}');
    expect(location.current?.pathname).toBe('/search');
    expect(location.current?.search).toBe('?q=what%20sen%20means');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('link')[0]).toHaveTextContent('What SEN means');
  });
});
