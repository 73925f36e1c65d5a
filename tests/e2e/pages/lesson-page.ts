// Page object for a lesson: what a learner does, by role and accessible name.
import type { Page } from 'playwright-core';

export class LessonPage {
  constructor(private readonly page: Page) {}

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  private firstCheck() {
    return this.page.locator('form.check').first();
  }

  async answerFirstCheck(optionText: string): Promise<void> {
    const check = this.firstCheck();
    await check.getByRole('radio', { name: optionText, exact: true }).check();
    await check.getByRole('button', { name: 'Check answer' }).click();
  }

  feedback() {
    return this.firstCheck().locator('.check__feedback');
  }

  async tryAgain(): Promise<void> {
    await this.firstCheck().getByRole('button', { name: 'Try again' }).click();
  }

  async markComplete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mark complete' }).click();
  }

  completedNotice() {
    return this.page.getByText('You completed this lesson');
  }
}
