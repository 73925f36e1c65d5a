// The "this browser was signed in" marker: a cookie set with every new session and cleared at sign-out.
// It carries nothing secret (the value is "1") and no server code reads it. It is for the app: when the
// browser evicts the site's storage (IndexedDB and localStorage go; cookies set by the server stay), the
// app finds the marker with no session and no progress, and offers to bring everything back by signing in.
// docs/accounts.md says why a cookie and what it cannot notice.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SIGNED_IN_MARKER } from '../src/shared/protocol/signed-in-marker';

/** 400 days, the longest a browser keeps a cookie (RFC 6265bis); renewed at each sign-in. */
const MAX_AGE_S = 400 * 24 * 60 * 60;

export function markSignedIn(c: Context): void {
  setCookie(c, SIGNED_IN_MARKER, '1', { path: '/', maxAge: MAX_AGE_S, sameSite: 'Strict' });
}

export function clearSignedIn(c: Context): void {
  deleteCookie(c, SIGNED_IN_MARKER, { path: '/' });
}
