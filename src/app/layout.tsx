import { lazy, memo, Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/loading';
import { PrerenderedOr } from '../components/prerendered-or';
import { WriteErrorAlert } from '../components/write-error-alert';
import { useCatalogRefresh } from '../features/content/use-catalog-refresh';
import { useApplySettings } from '../features/settings/use-apply-settings';
import { WhenIdle } from '../lib/timing/when-idle';
import { LazyPwaServices } from '../pwa/lazy-pwa-services';
import { LazyUpdateBanner } from '../pwa/lazy-update-banner';
import { PageErrorBoundary } from './page-error-boundary';

// Its own chunk, loaded once the browser is idle: the first screen does not wait for the sync status, which
// has nothing to say before sync loads, nor for the line naming who is studying on a shared device.
const HeaderLines = lazy(async () => ({ default: (await import('./header-lines')).HeaderLines }));

const nav = [
  { to: '/', label: 'Today', end: true },
  { to: '/modules', label: 'Modules', end: false },
  { to: '/record', label: 'Record', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

/**
 * The app's icon (public/favicon.svg), drawn inline rather than as an image: on a first visit its
 * request would take one of the browser's few connections while the app's code is waiting for one.
 */
function BrandMark() {
  return (
    <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1d4e5f" />
      <path d="M14 18c6-3 12-3 18 1v30c-6-4-12-4-18-1z" fill="#f6f2e8" />
      <path d="M50 18c-6-3-12-3-18 1v30c6-4 12-4 18-1z" fill="#ffd166" />
    </svg>
  );
}

/**
 * The app shell: skip link, header with the main navigation, the page, and app-wide messages. It renders
 * again only when the address changes: what changes on its own (settings, the catalogue fetch, the browser
 * becoming idle) lives in small components of its own, so the header is not rendered again each time.
 */
export function Layout() {
  const { pathname } = useLocation();

  return (
    <>
      <AppWork />
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        <LazyPwaServices />
        <WriteErrorAlert />
        <PageErrorBoundary key={pathname}>
          <Suspense
            fallback={
              <PrerenderedOr>
                <Loading what="the page" />
              </PrerenderedOr>
            }
          >
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
        <LazyUpdateBanner />
      </main>
    </>
  );
}

/** App-wide work with nothing to show: the catalogue fetch, and the settings kept on `<html>`. */
function AppWork() {
  useCatalogRefresh();
  useApplySettings();
  return null;
}

// Memoised: it has no props, and its links follow the address through the router's own context.
const SiteHeader = memo(function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <BrandMark />
          Pocket CPD
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <HeaderSearch />
      </div>
      <WhenIdle>
        <HeaderLines />
      </WhenIdle>
    </header>
  );
});

/**
 * A search box on every page but the search page (which has its own). It only navigates: the search code
 * and its index load with the search page, not with the first screen.
 */
function HeaderSearch() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (pathname === '/search') return null;
  return (
    <search aria-label="Search lessons" className="header-search">
      <form
        className="header-search__form"
        action="/search"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
        }}
      >
        <input type="search" name="q" aria-label="Search lessons" enterKeyHint="search" autoComplete="off" />
        <button type="submit" className="button button--quiet">
          Search
        </button>
      </form>
    </search>
  );
}
