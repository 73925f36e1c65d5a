import { Route, Routes, useLocation } from 'react-router';
import { NotFound } from '../../components/not-found';
import { teamState } from '../today/today-teams';
import { JoinPage } from './join-page';
import { ManagePage } from './manage-page';
import { MemberPage } from './member-page';
import { PosterPage } from './poster-page';
import { TeamDashboardPage } from './team-dashboard-page';
import { TeamsPage } from './teams-page';
import { TrustPage } from './trust-page';

/** Today's assignment card, which loads with the Teams screens (load-team-area.ts). */
export const todayTeamState: typeof teamState = (...args) => teamState(...args);

/**
 * The Teams screens, one lazy chunk mounted by app-routes.tsx at `/join/:code`, `/settings/teams` and
 * `/teams/*`; under `/teams/` the team's own pages are routed here, so the first screen's route table
 * grows by three lines only.
 */
export function TeamArea() {
  const { pathname } = useLocation();
  if (pathname.startsWith('/join/')) return <JoinPage />;
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
