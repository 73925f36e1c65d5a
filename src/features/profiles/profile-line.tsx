import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { profilesRepo } from '../../db/profiles-repo';
import { ACTIVE_DATABASE_STORAGE_KEY } from '../../shared/device/profiles-database';
import { leaveForStart } from './leave-for-start';
import { mustChoose } from './must-choose';
import './profiles.css';
import { useProfiles } from './use-profiles';

export const PEOPLE_PATH = '/settings/people';

/**
 * On a device with two or more people: who is studying, and a way to switch. When the app is opened
 * afresh (not a reload), or the person studying has no PIN yet, it asks "Who is studying?" first. Another tab switching person moves this tab
 * too, so no tab keeps showing, or writing to, the last person's database.
 */
export function ProfileLine() {
  const people = useProfiles();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  // One listed person is left only by "Forgot PIN?" (people-page.tsx): they are still asked for their PIN.
  const shared = people !== undefined && people.list.length > 0;
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
    if (pathname === PEOPLE_PATH || !mustChoose(current)) return;
    let left = false;
    // Asked of the stored list, not the one on screen: a PIN chosen a moment ago on the way here may not
    // have reached the screen's copy yet, and that person must not be sent back to choose again.
    profilesRepo
      .list()
      .then((list) => {
        const me = list.find((p) => p.databaseName === profilesRepo.activeDatabaseName());
        if (!left && mustChoose(me)) {
          void navigate(`${PEOPLE_PATH}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
        }
      })
      .catch(() => undefined);
    return () => {
      left = true;
    };
  }, [shared, current, pathname, search, navigate]);

  if (!shared || !current) return null;
  return (
    <p className="profile-line">
      <span>Studying as {current.name}</span> <Link to={PEOPLE_PATH}>Switch person</Link>
    </p>
  );
}
