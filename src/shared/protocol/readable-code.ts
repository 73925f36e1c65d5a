// Codes people read aloud, copy from a wall or type from paper: team invites, session join codes and
// certificate ids. One alphabet without look-alikes (no 0/O, 1/I/L), so every code reads the same way.

export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Exactly `length` characters of the alphabet, upper case. */
export function readableCodePattern(length: number): RegExp {
  return new RegExp(`^[${READABLE_ALPHABET}]{${length}}$`);
}
