import { modulesRepo } from '../db/modules-repo';
import { useOnlineStatus } from '../lib/browser/online-status';
import { useLiveQuery } from '../lib/data/use-live-query';

/** "Needs a connection" beside a module or lesson while offline, when its module is not on the device. */
export function NeedsConnection({ moduleId }: { moduleId: string }) {
  const online = useOnlineStatus();
  const held = useLiveQuery(
    async () => (online ? true : Boolean((await modulesRepo.get(moduleId))?.downloadedHash)),
    [online, moduleId],
  );
  if (online || held !== false) return null;
  return <span className="tag tag--offline">Needs a connection</span>;
}
