// The frame of the screens that fill a projector or a second window (presenting a session, the presenter
// view, the sign-in sheet): no site header, but the learner's theme, text size and reading adjustments,
// and the catalogue kept fresh, as in the app's own layout.
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '../components/loading';
import { useCatalogRefresh } from '../features/content/use-catalog-refresh';
import { useApplySettings } from '../features/settings/use-apply-settings';
import { PageErrorBoundary } from './page-error-boundary';

export function BareLayout() {
  useCatalogRefresh();
  useApplySettings();
  return (
    <PageErrorBoundary>
      <Suspense fallback={<Loading what="the page" />}>
        <Outlet />
      </Suspense>
    </PageErrorBoundary>
  );
}
