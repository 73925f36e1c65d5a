// Page object for what every screen shares: the service worker's control of the page, the offline line
// and the update prompt.
import type { Page } from 'playwright-core';

export class AppShell {
  constructor(private readonly page: Page) {}

  /** A first visit installs the service worker; it controls the page from the next load on. */
  async untilControlled(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
      await this.page.reload();
    }
    throw new Error('the service worker never took control of the page');
  }

  offlineLine() {
    return this.page.getByRole('main').getByText('You are offline.');
  }

  updatePrompt() {
    return this.page.getByRole('status', { name: 'App update' });
  }

  async pressUpdate(): Promise<void> {
    await this.updatePrompt().getByRole('button', { name: 'Update' }).click();
  }

  /** What the browser does when the app checks for a new version (hourly, or on return to the tab). */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
  }
}
