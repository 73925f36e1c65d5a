import { Route, Routes, useLocation } from 'react-router';
import { NotFound } from '../components/not-found';
import { AccountPanel } from '../features/account/account-panel';
import { JoinPage } from '../features/teams/join-page';
import { ManagePage } from '../features/teams/manage-page';
import { MemberPage } from '../features/teams/member-page';
import { PosterPage } from '../features/teams/poster-page';
import { TeamDashboardPage } from '../features/teams/team-dashboard-page';
import { TeamsPage } from '../features/teams/teams-page';
import { TrustPage } from '../features/teams/trust-page';

/**
 * The Teams screens, one lazy chunk mounted by app-routes.tsx (through load-team-area.ts) at `/join/:code`, `/settings/teams` and
 * `/teams/*`; under `/teams/` the team's own pages are routed here, so the first screen's route table
 * grows by three lines only. The join page is handed the account forms here: features do not import each
 * other.
 */
export function TeamArea() {
  const { pathname } = useLocation();
  if (pathname.startsWith('/join/')) return <JoinPage signIn={<AccountPanel />} />;
  if (pathname.startsWith('/settings/')) return <TeamsPage />;
  return (
    <Routes>
      <Route path="overview" element={<TrustPage />} />
      <Route path=":teamId" element={<TeamDashboardPage />} />
      <Route path=":teamId/manage" element={<ManagePage />} />
      <Route path=":teamId/members/:learnerId" element={<MemberPage />} />
      <Route path=":teamId/poster/:code" element={<PosterPage />} />
      <Route
        path="*"
        element={
          <NotFound
            title="Page not found"
            message="There is no team page at this address. The link may be old or mistyped."
            back={{ to: '/settings/teams', label: 'Your teams' }}
          />
        }
      />
    </Routes>
  );
}
