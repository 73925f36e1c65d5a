// Every screen of a facilitated session, as one lazy chunk: the slides, the presenter view and the sign-in
// sheet (`/present/<module>[/notes|/sign-in]`), and joining (`/attend[/<code>]`). One chunk rather than
// four keeps the first screen's code as it was: each lazy route of its own changes how the bundler splits
// the code the first screen shares with them.
import { useLocation, useParams } from 'react-router';
import { AttendPage } from './attend-page';
import { PresentPage } from './present-page';
import { PresenterViewPage } from './presenter-view-page';
import { SignInSheetPage } from './sign-in-sheet-page';
import './facilitate.css';

export function FacilitateRoute() {
  const { view } = useParams();
  const { pathname } = useLocation();
  if (pathname.startsWith('/attend')) return <AttendPage />;
  if (view === 'notes') return <PresenterViewPage />;
  if (view === 'sign-in') return <SignInSheetPage />;
  return <PresentPage />;
}
