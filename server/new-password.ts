// Accepting a new password (sign-up, a password change, either reset): one of the most common passwords is
// refused with 400 `common_password`, which the account forms show next to the password field, and any other
// is hashed at today's cost. Its length is checked by the routes' zod schemas (newPasswordSchema). Every route
// that stores a new password calls this, so none can skip the common-password check.
import { COMMON_PASSWORD_CODE } from '../src/shared/protocol/account-codes';
import { isCommonPassword } from './common-passwords';
import { HttpError } from './http-error';
import { hashPassword } from './passwords';

export async function hashNewPassword(password: string, logN: number): Promise<string> {
  if (isCommonPassword(password)) {
    throw new HttpError(
      400,
      COMMON_PASSWORD_CODE,
      'password: this is one of the most common passwords, which are guessed first. Choose another.',
    );
  }
  return hashPassword(password, logN);
}
