import { lazy } from 'react';
import { useLocation } from 'react-router';
import { ForgotPasswordPage } from '../features/account/forgot-password-page';
import { ResetPasswordPage } from '../features/account/reset-password-page';
import { MyDataPage } from './my-data-page';
import { NotFoundPage } from './not-found-page';

// Its own chunk, loaded from here: the files it needs are then listed in this chunk rather than in the
// first screen's code, which loads this one.
const PeoplePage = lazy(async () => ({
  default: (await import('../features/profiles/people-page')).PeoplePage,
}));

/**
 * The account's rarely opened pages in one chunk behind one lazy route (app-routes.tsx), so the first
 * screen carries one loader for them: "Forgotten your password?", the reset link's page, Your data, and
 * the people on a shared device. Every other `/settings/…` address arrives here too (`settings/*`), so one not listed is not found.
 */
export function AccountPages() {
  const path = useLocation().pathname.replace(/\/+$/, '');
  if (path === '/reset-password') return <ResetPasswordPage />;
  if (path === '/settings/my-data') return <MyDataPage />;
  if (path === '/settings/people') return <PeoplePage />;
  if (path === '/settings/sync/forgot') return <ForgotPasswordPage />;
  return <NotFoundPage />;
}
