import { useOnlineStatus } from '../lib/browser/online-status';

/** A calm line while the device is offline: what still works, so nobody thinks the app is broken. */
export function OfflineIndicator() {
  const online = useOnlineStatus();
  return (
    <div role="status" className={online ? undefined : 'offline-indicator'}>
      {!online && (
        <p>
          <strong>You are offline.</strong> Downloaded lessons still open, and your progress is saved on this
          device.
        </p>
      )}
    </div>
  );
}
