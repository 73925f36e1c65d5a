/**
 * Said under every reflection prompt, in the app and in the prerendered lesson page alike. Notes can be
 * about real children, and they are stored on the device and (with an account) on the server, so the hint
 * asks for plans, not names (docs/privacy.md).
 */
export const NOTE_HINT =
  'Your answer is a private note, saved as you type. Write about what you will do, not names of children.';
