// Two Chromium profiles as two devices of one learner, through the real server over the built app: device A
// signs up and completes a lesson offline, then comes back online; device B signs in and shows the lesson
// completed. A note edited on both keeps both versions, and device B resolves it by keeping both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog, builtLesson } from './helpers/built-course';
import { AccountPage } from './pages/account-page';
import { LessonPage } from './pages/lesson-page';
import { ReflectNote } from './pages/reflect-note';
import { SyncStatusBar } from './pages/sync-status-bar';

const EMAIL = 'sam.taylor@example.org';
const PASSWORD = 'a long enough password';
const SYNC = { timeout: 20_000 };

let server: AppServer;
let deviceA: Device;
let deviceB: Device;

beforeAll(async () => {
  server = await startAppServer();
  deviceA = await openDevice();
  deviceB = await openDevice();
});

afterAll(async () => {
  await deviceA?.close();
  await deviceB?.close();
  await server?.stop();
});

function lessonWithNote() {
  for (const module of builtCatalog().modules) {
    for (const entry of module.lessons) {
      const lesson = builtLesson(module.id, entry.id);
      if (lesson.blocks.some((block) => block.type === 'reflect')) return { module, lesson };
    }
  }
  throw new Error('no lesson with a reflect block in dist');
}

describe('two devices, one learner', () => {
  it('carries a lesson completed offline to the other device, and keeps both versions of a note', async () => {
    const { module, lesson } = lessonWithNote();
    const lessonUrl = `${server.url}/modules/${module.id}/${lesson.id}`;

    const pageA = await deviceA.context.newPage();
    const statusA = new SyncStatusBar(pageA);
    const accountA = new AccountPage(pageA);
    await accountA.open(server.url);
    await accountA.createAccount(EMAIL, 'Sam Taylor', PASSWORD);
    await expect.poll(() => accountA.signedIn().isVisible(), SYNC).toBe(true);
    await expect.poll(() => statusA.text(), SYNC).toContain('Synced');

    // The lesson loads online (no service worker controls this first visit), then the signal goes.
    const readerA = new LessonPage(pageA);
    await pageA.goto(lessonUrl);
    await expect.poll(() => readerA.heading(lesson.title).isVisible()).toBe(true);
    await deviceA.context.setOffline(true);
    await readerA.markComplete();
    await expect.poll(() => readerA.completedNotice().isVisible()).toBe(true);
    await expect.poll(() => statusA.text(), SYNC).toContain("Will sync when you're back online");
    expect(await statusA.waitingInStorage()).toBeGreaterThan(0);

    await deviceA.context.setOffline(false);
    await expect.poll(() => statusA.waitingInStorage(), SYNC).toBe(0);

    const pageB = await deviceB.context.newPage();
    const statusB = new SyncStatusBar(pageB);
    const accountB = new AccountPage(pageB);
    await accountB.open(server.url);
    await accountB.signIn(EMAIL, PASSWORD);
    await expect.poll(() => accountB.signedIn().isVisible(), SYNC).toBe(true);
    const readerB = new LessonPage(pageB);
    await pageB.goto(lessonUrl);
    await expect.poll(() => readerB.completedNotice().isVisible(), SYNC).toBe(true);

    // The same note, written on B while it has no signal and on A, which syncs first.
    await deviceB.context.setOffline(true);
    const noteA = new ReflectNote(pageA);
    const noteB = new ReflectNote(pageB);
    await noteB.write('Written on device B');
    await expect.poll(() => noteB.status()).toContain('Saved');
    await noteA.write('Written on device A');
    await expect.poll(() => noteA.status()).toContain('Saved');
    await expect.poll(() => statusA.waitingInStorage(), SYNC).toBe(0);
    expect(await statusB.waitingInStorage()).toBeGreaterThan(0);

    await deviceB.context.setOffline(false);
    await expect.poll(() => noteB.conflict().isVisible(), SYNC).toBe(true);
    expect(await noteB.conflict().textContent()).toContain('Written on device A');
    await noteB.keepBoth();
    await expect.poll(() => statusB.waitingInStorage(), SYNC).toBe(0);
    expect(await noteB.field().inputValue()).toBe('Written on device B\n\nWritten on device A');

    await pageA.reload();
    await expect
      .poll(() => noteA.field().inputValue(), SYNC)
      .toBe('Written on device B\n\nWritten on device A');
  });
});
