// Error codes of the account routes, apart from their zod schemas so the account screens can name them
// without loading zod on the page.

/** A new password among the most common is refused with 400 and this code. */
export const COMMON_PASSWORD_CODE = 'common_password';
/** A password or email change whose current password is wrong answers 403 with this code. */
export const WRONG_PASSWORD_CODE = 'wrong_password';
