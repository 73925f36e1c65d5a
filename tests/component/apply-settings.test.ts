// Settings on <html>: written only when they change, and defaults written as nothing, because any write
// there restyles the whole page (a long task on a long lesson on a slow phone).
import { describe, expect, it } from 'vitest';
import { applyReading, applySettings } from '../../src/lib/browser/apply-settings';
import type { Settings } from '../../src/shared/device/settings';

const apply = (settings: Settings, root: HTMLElement) => {
  applySettings(settings, root);
  applyReading(settings, root);
};

function mutationsOf(root: HTMLElement, change: () => void): number {
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { attributes: true });
  change();
  const count = observer.takeRecords().length;
  observer.disconnect();
  return count;
}

const defaults: Settings = { textSize: 100, theme: 'system' };
const chosen: Settings = {
  textSize: 150,
  theme: 'dark',
  lineSpacing: 2.2,
  letterSpacing: 'wide',
  font: 'system',
  motion: 'reduce',
};

describe('settings on <html>', () => {
  it.each([
    ['the defaults, left implicit', defaults],
    [
      'the defaults, spelt out',
      {
        ...defaults,
        lineSpacing: 1.6,
        letterSpacing: 'normal',
        font: 'atkinson',
        motion: 'system',
      } as Settings,
    ],
  ])('writes nothing for %s', (_, settings) => {
    const root = document.createElement('html');
    expect(mutationsOf(root, () => apply(settings, root))).toBe(0);
    expect(root.getAttributeNames()).toEqual([]);
  });

  it('writes each choice, then nothing when the same settings come again', () => {
    const root = document.createElement('html');
    apply(chosen, root);
    expect(root.style.getPropertyValue('--text-scale')).toBe('1.5');
    expect(root.style.getPropertyValue('--line-height')).toBe('2.2');
    expect({ ...root.dataset }).toEqual({
      theme: 'dark',
      letterSpacing: 'wide',
      font: 'system',
      motion: 'reduce',
    });
    expect(mutationsOf(root, () => apply({ ...chosen }, root))).toBe(0);
  });

  it('removes every choice when the learner goes back to the defaults', () => {
    const root = document.createElement('html');
    apply(chosen, root);
    apply(defaults, root);
    expect(root.style.getPropertyValue('--text-scale')).toBe('');
    expect(root.style.getPropertyValue('--line-height')).toBe('');
    expect({ ...root.dataset }).toEqual({});
  });
});
