// Page object for the first reflection note of a lesson: write it, read its save status, resolve a conflict.
import type { Page } from 'playwright-core';

export class ReflectNote {
  constructor(private readonly page: Page) {}

  private block() {
    return this.page.locator('.reflect').first();
  }

  field() {
    return this.block().getByRole('textbox');
  }

  async write(text: string): Promise<void> {
    await this.field().fill(text);
  }

  /** The save status ("✓ Saved"), not the note's length line, which is a live region of its own. */
  async status(): Promise<string> {
    return (await this.block().locator('.reflect__status').textContent()) ?? '';
  }

  conflict() {
    return this.block().getByRole('region', { name: 'This note was also changed on another device' });
  }

  async keepBoth(): Promise<void> {
    await this.conflict().getByRole('button', { name: 'Keep both' }).click();
  }
}
