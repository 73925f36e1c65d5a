// Page object for "Who is studying?" (/settings/people): add a person, switch to one, by role and name.
import type { Page } from 'playwright-core';

export class PeoplePage {
  /** `onPinStep`: what the test does on the PIN step before the PIN is typed (an axe check). */
  constructor(
    private readonly page: Page,
    private readonly onPinStep?: (page: Page, name: string) => Promise<void>,
  ) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/people`);
  }

  /** Names the person using the device now with their PIN, and adds `name` with theirs. */
  async addFirstOther(current: { name: string; pin: string }, name: string, pin: string): Promise<void> {
    await this.page.getByLabel('Your name (the person using this device now)').fill(current.name);
    await this.page.getByLabel('Your PIN').fill(current.pin);
    await this.page.getByLabel('Name of the person to add').fill(name);
    await this.page.getByLabel('Their PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Add person' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Who is studying?' }).waitFor();
  }

  /** Chooses `name`, gives their `pin` and waits for the app to open afresh at its start page. */
  async switchTo(name: string, pin: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByLabel(`${name}’s PIN`).waitFor();
    await this.onPinStep?.(this.page, name);
    await this.page.getByLabel(`${name}’s PIN`).fill(pin);
    await this.page.getByRole('button', { name: `Continue as ${name}` }).click();
    await this.page.waitForURL((url) => url.pathname === '/');
  }

  studyingAs() {
    return this.page.locator('.profile-line');
  }
}
