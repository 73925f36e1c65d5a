// The service worker's reminder handlers against a stand-in worker scope: which notification a push shows
// and where a tap goes (the push → notification path also runs in Chromium: tests/e2e/reminder-push).
import { describe, expect, it } from 'vitest';
import { listenForReminders, type ReminderScope } from '../../../src/sw/reminder-push';

type Listener = (event: unknown) => void;
type FakeWindow = { url: string; focused: boolean; navigatedTo?: string; controlled: boolean };

function fakeScope(windows: FakeWindow[]) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: NotificationOptions }[] = [];
  const opened: string[] = [];
  const scope = {
    location: { origin: 'https://cpd.example.org' },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    registration: {
      showNotification: async (title: string, options: NotificationOptions) => {
        shown.push({ title, options });
      },
    },
    clients: {
      matchAll: async () =>
        windows.map((w) => ({
          get url() {
            return w.url;
          },
          focus: async () => {
            w.focused = true;
          },
          navigate: async (url: string) => {
            if (!w.controlled) throw new TypeError('not controlled');
            w.navigatedTo = url;
            w.url = url;
            return {};
          },
        })),
      openWindow: async (url: string) => {
        opened.push(url);
        return null;
      },
    },
  };
  listenForReminders(scope as unknown as ReminderScope);
  const dispatch = async (type: string, event: object) => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)?.({ ...event, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  const push = (data: unknown) =>
    dispatch('push', {
      data:
        data === undefined
          ? null
          : {
              json: () => {
                if (typeof data === 'string') return JSON.parse(data);
                return data;
              },
            },
    });
  const click = (url: unknown) => {
    let closed = false;
    return dispatch('notificationclick', {
      notification: {
        data: { url },
        close: () => {
          closed = true;
        },
      },
    }).then(() => closed);
  };
  return { shown, opened, push, click };
}

const GENERIC = 'A few minutes of learning are waiting for you.';

describe('push: every push shows a notification', () => {
  it.each([
    {
      name: 'a reminder shows its own text and keeps its page',
      data: { title: 'Time for a quick refresher', body: '2 due', url: '/refresh', tag: 't' },
      expected: { title: 'Time for a quick refresher', body: '2 due', tag: 't', url: '/refresh' },
    },
    {
      name: 'a push with no data',
      data: undefined,
      expected: { title: 'Pocket CPD', body: GENERIC, tag: 'pocket-cpd-reminder', url: '/' },
    },
    {
      name: 'data that is not JSON',
      data: 'not json {',
      expected: { title: 'Pocket CPD', body: GENERIC, tag: 'pocket-cpd-reminder', url: '/' },
    },
    {
      name: 'a link to another site is replaced by the app',
      data: { title: 'Hi', body: 'b', url: '//evil.example/x', tag: 't' },
      expected: { title: 'Hi', body: 'b', tag: 't', url: '/' },
    },
  ])('$name', async ({ data, expected }) => {
    const sw = fakeScope([]);
    await sw.push(data);
    expect(
      sw.shown.map((s) => ({
        title: s.title,
        body: s.options.body,
        tag: s.options.tag,
        url: (s.options.data as { url: string }).url,
      })),
    ).toEqual([expected]);
  });
});

describe('notificationclick: opens the right place', () => {
  it('focuses an open window of the app and takes it to the reminder’s page', async () => {
    const open: FakeWindow = { url: 'https://cpd.example.org/record', focused: false, controlled: true };
    const sw = fakeScope([open]);
    expect(await sw.click('/refresh')).toBe(true);
    expect(open).toMatchObject({ focused: true, navigatedTo: 'https://cpd.example.org/refresh' });
    expect(sw.opened).toEqual([]);
  });

  it('opens a window when none is open', async () => {
    const sw = fakeScope([]);
    await sw.click('/refresh');
    expect(sw.opened).toEqual(['https://cpd.example.org/refresh']);
  });

  it('opens a window when the open one cannot be navigated (not controlled by this worker)', async () => {
    const sw = fakeScope([{ url: 'https://cpd.example.org/', focused: false, controlled: false }]);
    await sw.click('/refresh');
    expect(sw.opened).toEqual(['https://cpd.example.org/refresh']);
  });

  it('never leaves the app for a URL on another site', async () => {
    const sw = fakeScope([]);
    await sw.click('https://evil.example/');
    expect(sw.opened).toEqual(['https://cpd.example.org/']);
  });
});
