import { describe, expect, it } from 'vitest';
import { acquireLeadership, type LockManagerLike } from '../../../src/sync/leader';
import { installTriggers, type TriggerReason } from '../../../src/sync/triggers';
import { settle } from './manual-timers';

/** A one-lock LockManager: requests queue and run one at a time, as in a browser. */
function fakeLocks(): LockManagerLike {
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

describe('leader tab', () => {
  it('lets one tab lead; the next leads when the first closes; a tab closed while waiting never leads', async () => {
    const locks = fakeLocks();
    const led: string[] = [];
    const first = acquireLeadership(locks);
    const second = acquireLeadership(locks);
    const third = acquireLeadership(locks);
    void first.led.then(() => led.push('first'));
    void second.led.then(() => led.push('second'));
    void third.led.then(() => led.push('third'));
    await settle();
    expect(led).toEqual(['first']);
    second.release();
    first.release();
    await settle();
    expect(led).toEqual(['first', 'third']);
  });

  it('leads at once where Web Locks do not exist', async () => {
    let leads = false;
    await acquireLeadership(undefined).led.then(() => {
      leads = true;
    });
    expect(leads).toBe(true);
  });
});

describe('sync triggers', () => {
  it('fires on online, on becoming visible and on the interval while visible; reports going offline', () => {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    let tick: () => void = () => undefined;
    const reasons: (TriggerReason | 'offline')[] = [];
    const remove = installTriggers(
      {
        window: win,
        document: doc,
        setInterval: (run) => {
          tick = run;
          return 1;
        },
        clearInterval: () => undefined,
      },
      60_000,
      (reason) => reasons.push(reason),
      () => reasons.push('offline'),
    );
    tick();
    doc.dispatchEvent(new Event('visibilitychange'));
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    tick();
    win.dispatchEvent(new Event('offline'));
    win.dispatchEvent(new Event('online'));
    remove();
    win.dispatchEvent(new Event('online'));
    expect(reasons).toEqual(['visible', 'interval', 'offline', 'online']);
  });
});
