// Which push endpoints the server will send to. The endpoint comes from the browser, so anyone signed in
// could name any URL: only the browsers' own push services are accepted, so the reminder scheduler can never
// be pointed at an internal address. Tests stand a receiver up on 127.0.0.1 and say so in the config.

const PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com', // Chrome, Edge on Android, Samsung Internet
  'push.services.mozilla.com', // Firefox (updates.push.services.mozilla.com)
  'push.apple.com', // Safari on macOS and iOS (web.push.apple.com)
  'notify.windows.com', // Edge on Windows (*.notify.windows.com)
];

export function acceptedPushEndpoint(endpoint: string, allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1') return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return PUSH_SERVICE_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
}
