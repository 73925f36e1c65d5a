// Issue 22's reproduction, with two Chromium profiles as two phones of one learner and the real server:
// phone A edits a note offline, phone B online; A keeps both. B, not reloaded, answers a check (which
// syncs), so its note field must now show the merged note; B adds to it. A's offline words must survive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog, builtLesson, firstCheck } from './helpers/built-course';
import { AccountPage } from './pages/account-page';
import { LessonPage } from './pages/lesson-page';
import { ReflectNote } from './pages/reflect-note';
import { SyncStatusBar } from './pages/sync-status-bar';

const EMAIL = 'robin.ali@example.org';
const PASSWORD = 'a long enough password';
const SYNC = { timeout: 20_000 };
const A_TEXT = 'A offline: visual timetable at the door';
const B_TEXT = 'B online: quiet corner after lunch';

let server: AppServer;
let phoneA: Device;
let phoneB: Device;

beforeAll(async () => {
  server = await startAppServer();
  phoneA = await openDevice();
  phoneB = await openDevice();
});

afterAll(async () => {
  await phoneA?.close();
  await phoneB?.close();
  await server?.stop();
});

function lessonWithNoteAndCheck() {
  for (const module of builtCatalog().modules)
    for (const entry of module.lessons) {
      const lesson = builtLesson(module.id, entry.id);
      const has = (type: string) => lesson.blocks.some((block) => block.type === type);
      if (has('reflect') && lesson.blocks.some((b) => b.type === 'check' && !b.multiple))
        return { module, lesson };
    }
  throw new Error('no lesson with a reflect block and a single-answer check in dist');
}

describe('a note edited on two phones', () => {
  it('follows the merged note on the phone that did not reload, so no one’s words are lost', async () => {
    const { module, lesson } = lessonWithNoteAndCheck();
    const lessonUrl = `${server.url}/modules/${module.id}/${lesson.id}`;

    const pageA = await phoneA.context.newPage();
    const accountA = new AccountPage(pageA);
    await accountA.open(server.url);
    await accountA.createAccount(EMAIL, 'Robin Ali', PASSWORD);
    await expect.poll(() => accountA.signedIn().isVisible(), SYNC).toBe(true);
    const pageB = await phoneB.context.newPage();
    const accountB = new AccountPage(pageB);
    await accountB.open(server.url);
    await accountB.signIn(EMAIL, PASSWORD);
    await expect.poll(() => accountB.signedIn().isVisible(), SYNC).toBe(true);

    const statusA = new SyncStatusBar(pageA);
    const statusB = new SyncStatusBar(pageB);
    const noteA = new ReflectNote(pageA);
    const noteB = new ReflectNote(pageB);
    await pageA.goto(lessonUrl);
    await pageB.goto(lessonUrl);
    await expect.poll(() => noteA.field().isEnabled(), SYNC).toBe(true);
    await expect.poll(() => noteB.field().isEnabled(), SYNC).toBe(true);

    // 1. A offline, B online; A comes back and keeps both.
    await phoneA.context.setOffline(true);
    await noteA.write(A_TEXT);
    await expect.poll(() => noteA.status()).toContain('Saved');
    await noteB.write(B_TEXT);
    await expect.poll(() => noteB.status()).toContain('Saved');
    await expect.poll(() => statusB.waitingInStorage(), SYNC).toBe(0);
    await phoneA.context.setOffline(false);
    await expect.poll(() => noteA.conflict().isVisible(), SYNC).toBe(true);
    await noteA.keepBoth();
    await expect.poll(() => statusA.waitingInStorage(), SYNC).toBe(0);

    // 2. B is not reloaded: answering a check syncs, and the note field shows the merged note.
    await new LessonPage(pageB).answerFirstCheck(firstCheck(lesson).right);
    await expect.poll(() => noteB.field().inputValue(), SYNC).toBe(`${A_TEXT}\n\n${B_TEXT}`);

    // 3. B adds to the end of its note; it saves and syncs.
    await noteB.field().press('Control+End');
    await noteB.field().pressSequentially(' (added on B)');
    await expect.poll(() => noteB.status()).toContain('Saved');
    await expect.poll(() => statusB.waitingInStorage(), SYNC).toBe(0);

    // 4. A's offline words are still there, with B's addition.
    await pageA.reload();
    await expect.poll(() => noteA.field().inputValue(), SYNC).toBe(`${A_TEXT}\n\n${B_TEXT} (added on B)`);
    expect(await noteA.conflict().isVisible()).toBe(false);
  });
});
