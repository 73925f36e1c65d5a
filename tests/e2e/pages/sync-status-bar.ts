// Page object for the sync line under the header, and what is still waiting in this device's IndexedDB.
import type { Page } from 'playwright-core';

export class SyncStatusBar {
  constructor(private readonly page: Page) {}

  async text(): Promise<string> {
    const line = this.page.locator('header .sync-line__text');
    return (await line.count()) === 0 ? '' : ((await line.textContent()) ?? '');
  }

  /** Events not yet acked plus notes not yet saved on the server, read straight from IndexedDB. */
  async waitingInStorage(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('pocket-cpd');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const idb = open.result;
            const tx = idb.transaction(['events', 'docs'], 'readonly');
            const events = tx.objectStore('events').index('synced').count(0);
            const docs = tx.objectStore('docs').index('dirty').count(1);
            tx.oncomplete = () => {
              idb.close();
              resolve(events.result + docs.result);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  }
}
