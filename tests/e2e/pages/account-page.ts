// Page object for Settings → Back up and sync: create an account, sign in, and what it says once signed in.
import type { Page } from 'playwright-core';

export class AccountPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/sync`);
    await this.page.getByRole('heading', { level: 1, name: 'Back up and sync' }).waitFor();
  }

  private form() {
    return this.page.locator('form.account-form');
  }

  /** Creates the account, reads the recovery codes it shows once, and puts them away. */
  async createAccount(email: string, name: string, password: string): Promise<string[]> {
    const form = this.form();
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Display name' }).fill(name);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    const codes = this.page.locator('.recovery-codes li');
    await codes.first().waitFor();
    const shown = await codes.allTextContents();
    await this.page.getByRole('button', { name: 'I have kept my codes' }).click();
    return shown;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign in', pressed: false }).click();
    const form = this.form();
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  signedIn() {
    return this.page.getByText(/^Signed in as/);
  }
}
