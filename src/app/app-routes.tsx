import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { LessonTools } from '../features/lesson/lesson-tools';
import { TodayPage } from '../features/today/today-page';
import { LessonSeedContext } from '../lib/data/lesson-seed-context';
import { lessonAddress } from '../shared/content/lesson-address';
import type { LessonSeed } from '../shared/content/lesson-seed';
import { BareLayout } from './bare-layout';
import { Layout } from './layout';
import type { ScreenName } from './load-screen';

// Every page but Today is its own chunk, fetched when first visited, so the first screen ships only what
// it shows. Today is the start page of the installed app, so it comes with the app rather than after it.
// Declarative routes (not a data router) keep react-router's share of the first load small.
const CataloguePage = lazy(async () => ({
  default: (await import('../features/catalogue/catalogue-page')).CataloguePage,
}));
const ModulePage = lazy(async () => ({
  default: (await import('../features/module/module-page')).ModulePage,
}));
// The lesson and its read-aloud controls load together and appear together: controls that arrived later
// would push the lesson text down under the reader's eyes (a layout shift).
type LessonChunks = { Page: ComponentType; ReadAloud: ComponentType };
let lessonChunksLoad: Promise<LessonChunks> | undefined;
let lessonChunks: LessonChunks | undefined;
function loadLessonPage(): Promise<LessonChunks> {
  lessonChunksLoad ??= Promise.all([
    import('../features/lesson/lesson-page'),
    import('../features/read-aloud/read-aloud'),
  ])
    .then(([{ LessonPage }, { ReadAloud }]) => {
      lessonChunks = { Page: LessonPage, ReadAloud };
      return lessonChunks;
    })
    .catch((error: unknown) => {
      // A chunk that failed to load (a cut connection) is asked for again next time.
      lessonChunksLoad = undefined;
      throw error;
    });
  return lessonChunksLoad;
}
// Once its chunks are here the lesson renders straight away, without a Suspense frame.
function LessonRoute() {
  if (!lessonChunks) return <LazyLessonRoute />;
  const { Page, ReadAloud } = lessonChunks;
  return (
    <LessonTools value={<ReadAloud />}>
      <Page />
    </LessonTools>
  );
}
const LazyLessonRoute = lazy(async () => {
  await loadLessonPage();
  return { default: LessonRoute };
});

/**
 * Resolves when the page at `pathname` can render without a loading frame. main.tsx waits for it before
 * the first render on a cold start at a lesson's address (offline, or from the home screen): the static
 * shell, or the lesson the service worker put in it, stays on screen until the lesson page replaces it.
 */
export function firstPageReady(pathname: string): Promise<unknown> {
  if (!lessonAddress(pathname)) return Promise.resolve();
  // A chunk that fails to load is reported by the page's error boundary on render, not here.
  return loadLessonPage().catch(() => undefined);
}
// The screens with a stylesheet of their own load through one small chunk (load-screen.ts), which names
// their files: each stylesheet would otherwise add its name to the first screen's code.
function screen(name: ScreenName) {
  return lazy(async () => ({ default: await (await import('./load-screen')).screens[name]() }));
}
const RecordPage = screen('record');
const SettingsPage = screen('settings');
const SyncSettingsPage = screen('syncSettings');
const AccountPages = screen('account');
const RefresherPage = screen('refresher');
const CertificatePage = screen('certificate');
const VerifyPage = screen('verify');
// Only ever opened from the home-screen shortcut: not worth a place in the first screen's code.
const ContinueRoute = lazy(async () => ({
  default: (await import('../features/today/continue-route')).ContinueRoute,
}));
const SearchPage = screen('search');
const HandoutPage = screen('handout');
// Every Teams screen (docs/teams.md) behind one lazy import of a one-line chunk, which loads the rest: the
// names of the screens' own chunks then live there, not in the first screen's code.
const TeamArea = lazy(async () => ({
  default: await (await import('./load-team-area')).loadTeamArea(),
}));
// Facilitated sessions: the slides, the presenter view and the sign-in sheet fill their window, so they sit
// in a frame without the site header; joining a session is an ordinary page.
const FacilitateRoute = screen('facilitate');
const NotFoundPage = lazy(async () => ({ default: (await import('./not-found-page')).NotFoundPage }));

/**
 * The whole app below a router: `BrowserRouter` in main.tsx, `StaticRouter` when the build renders a
 * lesson's page (render-lesson-page.tsx), a `MemoryRouter` in component tests. `seed` is the data such a
 * page was rendered from.
 */
export function AppRoutes({ seed = null }: { seed?: LessonSeed | null }) {
  return (
    <LessonSeedContext value={seed}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<TodayPage />} />
          <Route path="modules" element={<CataloguePage />} />
          <Route path="modules/:moduleId" element={<ModulePage />} />
          <Route path="modules/:moduleId/:lessonId" element={<LessonRoute />} />
          <Route path="record" element={<RecordPage />} />
          <Route path="record/certificate/:moduleId" element={<CertificatePage />} />
          <Route path="verify/:id" element={<VerifyPage />} />
          <Route path="handout/:moduleId/:lessonId" element={<HandoutPage />} />
          <Route path="refresh" element={<RefresherPage />} />
          <Route path="continue" element={<ContinueRoute />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/sync" element={<SyncSettingsPage />} />
          <Route path="reset-password" element={<AccountPages />} />
          <Route path="settings/*" element={<AccountPages />} />
          <Route path="join/:code" element={<TeamArea />} />
          <Route path="settings/teams" element={<TeamArea />} />
          <Route path="teams/*" element={<TeamArea />} />
          <Route path="attend" element={<FacilitateRoute />} />
          <Route path="attend/:code" element={<FacilitateRoute />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route element={<BareLayout />}>
          <Route path="present/:moduleId" element={<FacilitateRoute />} />
          <Route path="present/:moduleId/:view" element={<FacilitateRoute />} />
        </Route>
      </Routes>
    </LessonSeedContext>
  );
}
