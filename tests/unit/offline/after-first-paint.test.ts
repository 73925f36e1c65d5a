// src/lib/timing/after-first-paint.ts: the app of a rendered lesson page loads once the lesson is on screen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstContentfulPaint } from '../../../src/lib/timing/after-first-paint';

type Entry = { name: string };
let observers: FakeObserver[] = [];

class FakeObserver {
  static supportedEntryTypes = ['paint'];
  observed: unknown = null;
  disconnected = false;
  constructor(private readonly callback: (list: { getEntriesByName: (name: string) => Entry[] }) => void) {
    observers.push(this);
  }
  observe(options: unknown) {
    this.observed = options;
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The browser reporting paint entries. */
  report(names: string[]) {
    this.callback({ getEntriesByName: (name) => names.filter((n) => n === name).map((n) => ({ name: n })) });
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

beforeEach(() => {
  vi.useFakeTimers();
  observers = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('after the first contentful paint', () => {
  it('waits for the first contentful paint, not a paint without content, and then stops watching', async () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const painted = afterFirstContentfulPaint();
    const [observer] = observers;
    expect(observer?.observed).toEqual({ type: 'paint', buffered: true });
    observer?.report(['first-paint']);
    expect(await settled(painted)).toBe(false);
    observer?.report(['first-contentful-paint']);
    expect(await settled(painted)).toBe(true);
    expect(observer?.disconnected).toBe(true);
  });

  it('goes ahead after the fallback time when the page never paints (a tab in the background)', async () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const painted = afterFirstContentfulPaint(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(await settled(painted)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(painted)).toBe(true);
    expect(observers[0]?.disconnected).toBe(true);
  });

  it('waits one frame in a browser without paint timing', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const painted = afterFirstContentfulPaint();
    expect(await settled(painted)).toBe(false);
    frames[0]?.();
    expect(await settled(painted)).toBe(true);
  });
});
