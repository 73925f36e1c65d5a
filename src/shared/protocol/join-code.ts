// A facilitated session's join code and the address attendees open, without zod: the screens that run
// and join a session use these, and the session API's schemas (session-protocol.ts) build on them.

import { readableCodePattern } from './readable-code';

/** Six readable characters (readable-code.ts), read aloud or typed from the screen. */
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = readableCodePattern(JOIN_CODE_LENGTH);

/** The code as typed (spaces around and lower case forgiven), or null when it cannot be one. */
export function readJoinCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** The app's address an attendee opens (the text of the QR code). */
export function joinPath(code: string): string {
  return `/attend/${code}`;
}
