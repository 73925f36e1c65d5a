import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

/** jsdom has no IntersectionObserver: this stand-in lets the test say which headings came into view. */
class FakeObserver {
  static current: FakeObserver | null = null;
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.current = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {}
  show(...ids: string[]) {
    const entries = this.targets
      .filter((t) => ids.includes(t.id))
      .map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

describe('section tracking', () => {
  it('records a section when its heading scrolls into view, only when it is further than before', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    renderApp('/modules/foundations/foundations-what-sen-means');
    await screen.findByRole('heading', { level: 2, name: 'In your setting' });
    await waitFor(() => expect(FakeObserver.current?.targets.map((t) => t.id)).toHaveLength(2));

    act(() => FakeObserver.current?.show('additional-or-different', 'in-your-setting'));
    act(() => FakeObserver.current?.show('additional-or-different'));
    act(() => FakeObserver.current?.show('in-your-setting'));

    await waitFor(async () =>
      expect(await db.events.where('type').equals('section-reached').count()).toBe(1),
    );
    const [reached] = await db.events.where('type').equals('section-reached').toArray();
    expect(reached?.payload).toEqual({ sectionId: 'in-your-setting', index: 2 });
  });
});
