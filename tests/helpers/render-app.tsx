// Renders the real app routes in a memory router, with `/content/` served from the fixture course
// through a stubbed fetch (or a fetch the test passes in, e.g. one that fails like being offline).
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Location, MemoryRouter, useLocation } from 'react-router';
import { vi } from 'vitest';
import { AppRoutes } from '../../src/app/app-routes';
import type { LessonSeed } from '../../src/shared/content/lesson-seed';
import { fixtureBundles, fixtureCatalog } from './fixture-course';

export type FetchStub = (url: string) => Promise<Response>;

export const serveFixtureCourse: FetchStub = async (url) => {
  const path = new URL(url, 'http://localhost').pathname.replace(/^\/content\//, '');
  const body = path === 'catalog.json' ? fixtureCatalog : fixtureBundles[path];
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
};

export const offline: FetchStub = async () => {
  throw new TypeError('Failed to fetch');
};

/** Lets a test read the current URL (e.g. filter search params) without reaching into the app. */
function LocationProbe({ into }: { into: { current: Location | null } }) {
  into.current = useLocation();
  return null;
}

/** `seed`: the data of a lesson page rendered at build time, as main.tsx passes it when adopting one. */
export function renderApp(
  route: string,
  fetchStub: FetchStub = serveFixtureCourse,
  { seed = null }: { seed?: LessonSeed | null } = {},
) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => fetchStub(String(input)));
  vi.stubGlobal('fetch', fetchMock);
  const location: { current: Location | null } = { current: null };
  const user = userEvent.setup();
  const result = render(
    <MemoryRouter initialEntries={[route]}>
      <LocationProbe into={location} />
      <AppRoutes seed={seed} />
    </MemoryRouter>,
  );
  return { ...result, location, user, fetchMock };
}
