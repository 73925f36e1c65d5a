// The settings every screen shows (src/db/settings-store.ts): the learner's latest choice at once, then
// the stored doc, read once for the whole app so that two screens never disagree.
import { act, render, screen, waitFor } from '@testing-library/react';
import { useLayoutEffect, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docsRepo } from '../../src/db/docs-repo';
import { settingsStore } from '../../src/db/settings-store';
import { updateSettings } from '../../src/features/settings/update-settings';
import { useStoreValue } from '../../src/lib/stores/use-store-value';
import type { Settings } from '../../src/shared/device/settings';

const DEFAULTS: Settings = { textSize: 100, theme: 'system' };

// A test that fails part way still stops watching, so the next one starts with nobody looking.
const watching = new Set<() => void>();
afterEach(() => {
  for (const stop of watching) stop();
  watching.clear();
});

/** Subscribes like a screen does; resolves once the stored settings have been read. */
async function watch(): Promise<{ urgency: boolean[]; stop: () => void }> {
  const urgency: boolean[] = [];
  const stop = settingsStore.subscribe((urgent) => urgency.push(urgent));
  watching.add(stop);
  await waitFor(() => expect(settingsStore.get()).toBeDefined());
  return { urgency, stop };
}

describe('the settings store', () => {
  it('reads the stored doc, and the defaults on a device without one', async () => {
    expect(settingsStore.get()).toBeUndefined();
    const first = await watch();
    expect(settingsStore.get()).toEqual(DEFAULTS);
    first.stop();

    await docsRepo.put('settings', { role: 'ta', textSize: 150, theme: 'dark', unknownLater: 1 });
    const second = await watch();
    expect(settingsStore.get()).toEqual({ role: 'ta', textSize: 150, theme: 'dark' });
    second.stop();
  });

  it('shows a choice at once, and an older write coming back does not undo a newer choice', async () => {
    const { urgency, stop } = await watch();
    const big: Settings = { ...DEFAULTS, textSize: 200 };
    const dark: Settings = { ...big, theme: 'dark' };

    settingsStore.choose(big);
    expect(settingsStore.get()).toEqual(big);
    expect(urgency.at(-1)).toBe(true);
    settingsStore.choose(dark);
    await docsRepo.put('settings', { ...big });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the echo of the first write
    expect(settingsStore.get()).toEqual(dark);

    // Once the store holds the choice, the doc leads again: a change synced from another device shows.
    await docsRepo.put('settings', { ...dark });
    await docsRepo.put('settings', { ...dark, role: 'leader' });
    await waitFor(() => expect(settingsStore.get()).toEqual({ ...dark, role: 'leader' }));
    expect(urgency.at(-1)).toBe(false);
    stop();
  });

  it('reads the doc once however many screens watch it', async () => {
    const get = vi.spyOn(docsRepo, 'get');
    const watchers = await Promise.all([watch(), watch(), watch()]);
    expect(get.mock.calls.filter(([id]) => id === 'settings')).toHaveLength(1);
    for (const w of watchers) w.stop();
  });

  it('reads afresh when a screen looks again after nobody was looking', async () => {
    const first = await watch();
    first.stop();
    await docsRepo.put('settings', { textSize: 125, theme: 'cream' });
    watching.add(settingsStore.subscribe(() => {}));
    expect(settingsStore.get()).toBeUndefined();
    await waitFor(() => expect(settingsStore.get()).toEqual({ textSize: 125, theme: 'cream' }));
  });

  it('tells no screen when the doc is written again with the same settings', async () => {
    await docsRepo.put('settings', { textSize: 150, theme: 'dark' });
    const { urgency, stop } = await watch();
    const shown = settingsStore.get();
    const told = urgency.length;
    await docsRepo.put('settings', { textSize: 150, theme: 'dark', fromSync: true });
    await docsRepo.put('settings', { textSize: 175, theme: 'dark' });
    await waitFor(() => expect(settingsStore.get()?.textSize).toBe(175));
    expect(urgency.length).toBe(told + 1);
    expect(shown).toEqual({ textSize: 150, theme: 'dark' });
    stop();
  });

  it('keeps the settings it has read when a later read fails', async () => {
    await docsRepo.put('settings', { textSize: 200, theme: 'high-contrast' });
    const { stop } = await watch();
    vi.spyOn(docsRepo, 'get').mockRejectedValue(new Error('database closed'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await docsRepo.put('settings', { textSize: 100, theme: 'system' });
    await waitFor(() =>
      expect(logged).toHaveBeenCalledWith('Could not read the settings', expect.any(Error)),
    );
    expect(settingsStore.get()).toEqual({ textSize: 200, theme: 'high-contrast' });
    stop();
  });

  it('falls back to the defaults, and says why, when the database cannot be read', async () => {
    vi.spyOn(docsRepo, 'get').mockRejectedValue(new Error('disk gone'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { stop } = await watch();
    expect(settingsStore.get()).toEqual(DEFAULTS);
    expect(logged).toHaveBeenCalledWith('Could not read the settings', expect.any(Error));
    stop();
  });
});

// Two screens at once, as Layout (reading adjustments) and Settings are: after every commit of either,
// both show the same text size on the page.
function Reader({ name, disagreements }: { name: string; disagreements: string[] }) {
  const settings = useStoreValue(settingsStore);
  const own = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const shown = [...(own.current?.parentElement?.querySelectorAll('p') ?? [])].map(
      (p) => p.textContent?.split(': ')[1],
    );
    if (shown[0] !== shown[1]) disagreements.push(`${name} committed ${shown.join(' / ')}`);
  });
  return <p ref={own}>{settings ? `${name}: ${settings.textSize}%` : `${name}: reading`}</p>;
}

function TwoScreens({ disagreements }: { disagreements: string[] }) {
  return (
    <div>
      <Reader name="layout" disagreements={disagreements} />
      <Reader name="settings" disagreements={disagreements} />
    </div>
  );
}

describe('screens reading the settings', () => {
  it('agree after every render, through quick choices and a change synced from elsewhere', async () => {
    const disagreements: string[] = [];
    render(<TwoScreens disagreements={disagreements} />);
    expect(await screen.findByText('layout: 100%')).toBeInTheDocument();
    for (const textSize of [125, 150, 175]) {
      await act(() => updateSettings({ ...DEFAULTS, textSize }));
    }
    await docsRepo.put('settings', { textSize: 200, theme: 'system' });
    expect(await screen.findByText('settings: 200%')).toBeInTheDocument();
    expect(screen.getByText('layout: 200%')).toBeInTheDocument();
    expect(disagreements).toEqual([]);
  });
});
