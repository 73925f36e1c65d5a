// When the leader tab syncs, besides after writes: on start, when the browser says it is back online,
// when the learner returns to the tab, and on a steady interval for changes made on other devices.

export type TriggerReason = 'online' | 'visible' | 'interval';

export type TriggerSources = {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
};

/** Calls `onTrigger` for each trigger; `onOffline` as soon as the browser reports losing the network. */
export function installTriggers(
  sources: TriggerSources,
  intervalMs: number,
  onTrigger: (reason: TriggerReason) => void,
  onOffline: () => void,
): () => void {
  const online = () => onTrigger('online');
  const offline = () => onOffline();
  const visibility = () => {
    if (sources.document.visibilityState === 'visible') onTrigger('visible');
  };
  sources.window.addEventListener('online', online);
  sources.window.addEventListener('offline', offline);
  sources.document.addEventListener('visibilitychange', visibility);
  const interval = sources.setInterval(() => {
    // A hidden tab does not poll: the learner is not looking, and mobile browsers throttle it anyway.
    if (sources.document.visibilityState === 'visible') onTrigger('interval');
  }, intervalMs);
  return () => {
    sources.window.removeEventListener('online', online);
    sources.window.removeEventListener('offline', offline);
    sources.document.removeEventListener('visibilitychange', visibility);
    sources.clearInterval(interval);
  };
}
