// A push reaching the real service worker in Chromium: the DevTools protocol delivers the message as a push
// service would (ServiceWorker.deliverPushMessage), and the worker must show a notification for it, with
// the reminder's text and the page to open on tap. A push with unreadable data still shows one, because
// browsers end the subscriptions of sites whose pushes show nothing.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { AppShell } from './pages/app-shell';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

describe('reminder pushes in the service worker', () => {
  it('shows a notification for every push, with the reminder’s text and where a tap goes', async () => {
    await device.context.grantPermissions(['notifications'], { origin: server.url });
    const page = await device.context.newPage();
    await page.goto(`${server.url}/`);
    await new AppShell(page).untilControlled();

    const cdp = await device.context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const id = await registrationId;

    const shown = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: (n.data as { url?: unknown } | null)?.url,
        }));
      });
    expect(await shown()).toEqual([]);

    const reminder = {
      title: 'Time for a quick refresher',
      body: '2 questions are ready to refresh what you learned.',
      url: '/refresh',
      tag: 'pocket-cpd-reminder',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.url,
      registrationId: id,
      data: JSON.stringify(reminder),
    });
    await expect.poll(shown, { timeout: 10_000 }).toEqual([reminder]);

    // Data that is not a reminder (or a link off the site) still gives a visible notification into the app.
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.url,
      registrationId: id,
      data: JSON.stringify({ title: 'Elsewhere', url: 'https://evil.example/' }),
    });
    await expect.poll(shown, { timeout: 10_000 }).toEqual([
      {
        title: 'Elsewhere',
        body: 'A few minutes of learning are waiting for you.',
        tag: 'pocket-cpd-reminder',
        url: '/',
      },
    ]);
    await cdp.detach();
    await page.close();
  });
});
