/** The cookie the server sets with every new session (server/signed-in-marker.ts); the app reads it. */
export const SIGNED_IN_MARKER = 'pcpd_signed_in';
