import { useLocation } from 'react-router';
import { ForgotPasswordPage } from '../features/account/forgot-password-page';
import { ResetPasswordPage } from '../features/account/reset-password-page';
import { MyDataPage } from './my-data-page';

/**
 * The account's rarely opened pages in one chunk behind one lazy route (app-routes.tsx), so the first
 * screen carries one loader for the three: "Forgotten your password?", the reset link's page, Your data.
 */
export function AccountPages() {
  const { pathname } = useLocation();
  if (pathname.startsWith('/reset-password')) return <ResetPasswordPage />;
  if (pathname.startsWith('/settings/my-data')) return <MyDataPage />;
  return <ForgotPasswordPage />;
}
