// The accessibility checks every browser test shares: axe with the WCAG 2.2 AA rule set, and choosing a
// colour theme in Settings as a learner does.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type Theme = {
  /** The value of `data-theme` the app sets, or `light`/`dark` when it follows the device. */
  name: 'light' | 'dark' | 'cream' | 'high-contrast';
  scheme: 'light' | 'dark';
  /** The radio's label under Settings → Colours. */
  stored: 'Same as my device' | 'Cream (low glare)' | 'High contrast';
};

export const THEMES: readonly Theme[] = [
  { name: 'light', scheme: 'light', stored: 'Same as my device' },
  { name: 'dark', scheme: 'dark', stored: 'Same as my device' },
  { name: 'cream', scheme: 'light', stored: 'Cream (low glare)' },
  { name: 'high-contrast', scheme: 'light', stored: 'High contrast' },
];

/** Each violation as `rule: selectors`, so a failure names what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Resolves once the page shows `theme`'s colours (no `data-theme` when they follow the device). */
export async function waitForTheme(page: Page, theme: Theme): Promise<void> {
  const expected = theme.stored === 'Same as my device' ? null : theme.name;
  await page.waitForFunction((want) => (document.documentElement.dataset.theme ?? null) === want, expected);
}

/**
 * Emulates the device's colour scheme and picks `theme` in Settings. It returns only once the Settings page
 * shows the colours: the page applies them from its live query of the saved settings, so that means the
 * write is committed. Leaving at once could abort it, and the next page stayed unthemed (seen once in CI).
 */
export async function chooseTheme(page: Page, serverUrl: string, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme.scheme, reducedMotion: 'reduce' });
  await page.goto(`${serverUrl}/settings`);
  await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: theme.stored }).check();
  await waitForTheme(page, theme);
}
