// A device with something to show: a name on certificates and the built course's smallest module
// completed, so the record, its certificate and Today's pathway have real content. The accessibility test
// and scripts/compare-styles.ts start from it.
import type { Page } from 'playwright-core';
import { builtCatalog } from './built-course';

/** The module with the fewest lessons: the quickest to complete. */
export function smallestModule() {
  return builtCatalog().modules.reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));
}

export async function completeSmallestModule(page: Page, baseUrl: string): Promise<void> {
  const smallest = smallestModule();
  await page.goto(`${baseUrl}/settings`);
  await page.getByRole('textbox', { name: 'Name on certificates' }).fill('Alex Morgan');
  for (const lesson of smallest.lessons) {
    await page.goto(`${baseUrl}/modules/${smallest.id}/${lesson.id}`);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText('You completed this lesson').waitFor();
  }
}
