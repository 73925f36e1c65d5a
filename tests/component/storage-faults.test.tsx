// A full device (QuotaExceededError) in the middle of learning. "Kept for later" in this app means: the
// failed action is still there to do again (a note keeps its unsaved text and a Save again button — see
// quota.test.tsx; a completion keeps its Mark complete button), and doing it again once there is space
// stores it exactly once, with everything saved before untouched.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a device that runs out of space while recording progress', () => {
  it('tells the learner, keeps what was saved, and stores the completion once when they try again', async () => {
    const { user } = renderApp(LESSON);
    await screen.findByRole('button', { name: 'Mark complete' });
    await waitFor(async () => expect(await db.events.count()).toBe(1));
    const before = await db.events.toArray();

    const add = vi.spyOn(db.events, 'add').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: 'Mark complete' }));
    expect(await screen.findByText('Your device is out of storage space')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Everything you saved before is safe/);
    expect(screen.queryByText(/You completed this lesson/)).not.toBeInTheDocument();
    expect(await db.events.toArray()).toEqual(before);

    // Space freed: the same button does it again, and it is stored once.
    add.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Mark complete' }));
    expect(await screen.findByText(/You completed this lesson/)).toBeInTheDocument();
    const events = await db.events.orderBy('deviceSeq').toArray();
    expect(events.filter((e) => e.type === 'lesson-completed')).toHaveLength(1);
    expect(events.slice(0, before.length)).toEqual(before);
    expect(events.every((e, i) => e.deviceSeq === i + 1)).toBe(true);
  });
});
