import { describe, expect, it } from 'vitest';
import { acceptedPushEndpoint } from '../../../server/reminders/push-endpoint';

describe('acceptedPushEndpoint', () => {
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', false, true],
    ['https://updates.push.services.mozilla.com/wpush/v2/abc', false, true],
    ['https://web.push.apple.com/QGx', false, true],
    ['https://wns2-db5p.notify.windows.com/w/?token=x', false, true],
    ['http://fcm.googleapis.com/fcm/send/abc', false, false],
    ['https://fcm.googleapis.com.evil.example/x', false, false],
    ['https://evilfcm.googleapis.com.example/x', false, false],
    ['https://user:pw@fcm.googleapis.com/x', false, false],
    ['https://10.0.0.5/x', false, false],
    ['http://127.0.0.1:4000/push', false, false],
    ['http://127.0.0.1:4000/push', true, true],
    ['http://localhost:4000/push', true, false],
    ['not a url', true, false],
  ])('%s (loopback allowed: %s) → %s', (endpoint, loopback, expected) => {
    expect(acceptedPushEndpoint(endpoint, loopback)).toBe(expected);
  });
});
