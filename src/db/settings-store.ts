// The learner's settings as every screen shows them: their latest choice, held in memory until the
// database hands the same settings back (else a quick second change could be undone for a moment by the
// first write's echo), then the `settings` doc. One database subscription serves every screen, so two
// screens never show different settings: when each ran its own query, one could settle the choice while
// another still showed the older copy, and Settings remounted its buttons under a learner's tap.
import { liveQuery, type Subscription } from 'dexie';
import { createStore, type StoreListener } from '../lib/stores/store';
import { parseSettings, type Settings, sameSettings } from '../shared/device/settings';
import { docsRepo } from './docs-repo';

let chosen: Settings | null = null;
/** Undefined until the doc has been read (a device without one reads as the defaults). */
let stored: Settings | undefined;
let watch: Subscription | null = null;
let watchers = 0;
/** What screens show: the held choice, else the stored settings. A reset forgets the held choice. */
const shown = createStore<Settings | undefined>(undefined, () => {
  chosen = null;
});

/** `urgent`: the learner's own choice, to render at once; a read from the database can wait its turn. */
function publish(urgent: boolean): void {
  const next = chosen ?? stored;
  const current = shown.get();
  // The database echoing a choice, or sync writing the doc again, is new objects with the same settings:
  // keeping the one screens have means they do not render again for nothing.
  if (next === current || (next && current && sameSettings(next, current))) return;
  shown.set(next, { urgent });
}

function receive(settings: Settings): void {
  stored = settings;
  if (chosen && sameSettings(chosen, settings)) chosen = null;
  publish(false);
}

function startWatching(): Subscription {
  return liveQuery(async () => parseSettings((await docsRepo.get('settings'))?.body)).subscribe({
    next: receive,
    // Settings only shape how the app looks: if the database cannot be read (every other screen says so
    // too), the settings already read stay, and on a first read the defaults keep the app usable rather
    // than loading for ever.
    error: (error: unknown) => {
      console.error('Could not read the settings', error);
      if (stored === undefined) receive(parseSettings(undefined));
    },
  });
}

export const settingsStore = {
  /** Undefined while the settings are first read. */
  get: shown.get,

  /** Applies a choice at once, before (and whether or not) it is stored. */
  choose(next: Settings): void {
    chosen = next;
    publish(true);
  },

  /** The first screen to look starts one database read for all; when the last stops looking, it stops. */
  subscribe(listener: StoreListener): () => void {
    const stop = shown.subscribe(listener);
    watchers += 1;
    watch ??= startWatching();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      stop();
      watchers -= 1;
      if (watchers > 0 || !watch) return;
      // Nobody is looking: stop reading, and read afresh when someone looks again.
      watch.unsubscribe();
      watch = null;
      stored = undefined;
      shown.set(chosen ?? undefined);
    };
  },
};
