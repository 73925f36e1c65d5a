// What the xAPI suites share: making a key through the API (the secret is in that one answer only) and
// calling an xAPI resource with it over HTTP, as an LRS or a college's tool would.
import { json, type TestApp } from './test-app';

export type XapiKey = { id: string; secret: string };

/** Makes a key at `path` (`/account/xapi-keys` or `/teams/<id>/xapi-keys`); throws unless it is made. */
export async function makeXapiKey(t: TestApp, token: string, path: string, body: unknown): Promise<XapiKey> {
  const res = await t.call('POST', `/api/v1${path}`, { token, body });
  if (res.status !== 201) throw new Error(`key not made: ${res.status} ${await res.text()}`);
  const made = await json<{ key: { id: string }; secret: string }>(res);
  return { id: made.key.id, secret: made.secret };
}

export const basicAuthorization = (key: XapiKey) =>
  `Basic ${Buffer.from(`${key.id}:${key.secret}`).toString('base64')}`;

/** One request to the xAPI resource at `base` (a real port), with the version header and, unless null, the key. */
export function xapiRequest(
  base: string,
  key: XapiKey | null,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    'X-Experience-API-Version': '1.0.3',
    ...(key ? { authorization: basicAuthorization(key) } : {}),
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  return fetch(base + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
}
