/** The props of a PIN input: digits on a phone's keypad, hidden as typed, never offered to a password manager. */
export const PIN_INPUT = {
  type: 'password',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: 8,
} as const;
