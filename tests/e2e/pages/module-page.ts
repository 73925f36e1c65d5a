// Page object for a module page's "Use offline" section: download, wait for it, read its state.
import type { Page } from 'playwright-core';

export class ModulePage {
  constructor(private readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Use offline' });
  }

  async download(): Promise<void> {
    await this.section()
      .getByRole('button', { name: /^Download for offline/ })
      .click();
  }

  downloaded() {
    return this.section().getByText('Downloaded', { exact: true });
  }

  needsConnection() {
    return this.section().getByText('Needs a connection.');
  }
}
