// A one-lock Web Locks stand-in shared by simulated tabs: requests queue and run one at a time, and a
// request aborted while it waits never runs, as navigator.locks behaves in a browser.
import type { LockManagerLike } from '../../../src/sync/leader';

export function fakeLocks(): LockManagerLike {
  let tail = Promise.resolve();
  return {
    request: (_name, { signal }, run) => {
      const turn = tail.then(async () => {
        if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
        await run();
      });
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
