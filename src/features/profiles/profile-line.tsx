import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { profilesRepo } from '../../db/profiles-repo';
import { ACTIVE_DATABASE_STORAGE_KEY } from '../../shared/device/profiles-database';
import { chosenThisVisit } from './chosen-this-visit';
import { leaveForStart } from './leave-for-start';
import './profiles.css';
import { useProfiles } from './use-profiles';

export const PEOPLE_PATH = '/settings/people';

/**
 * On a device with two or more people: who is studying, and a way to switch. When the app is opened
 * afresh (not a reload) it asks "Who is studying?" first. Another tab switching person moves this tab
 * too, so no tab keeps showing, or writing to, the last person's database.
 */
export function ProfileLine() {
  const people = useProfiles();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const shared = people !== undefined && people.list.length > 1;
  const current = people?.list.find((p) => p.databaseName === people.activeDatabaseName);

  useEffect(() => {
    const follow = (event: StorageEvent) => {
      if (event.key === ACTIVE_DATABASE_STORAGE_KEY) leaveForStart();
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, []);

  useEffect(() => {
    if (!shared) return;
    profilesRepo.agreeWithPage().catch(() => undefined);
    if (!chosenThisVisit() && pathname !== PEOPLE_PATH) {
      void navigate(`${PEOPLE_PATH}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  }, [shared, pathname, search, navigate]);

  if (!shared || !current) return null;
  return (
    <p className="profile-line">
      <span>Studying as {current.name}</span> <Link to={PEOPLE_PATH}>Switch person</Link>
    </p>
  );
}
