// The one answer to a new password that is among the most common: 400 `common_password`, which the
// account forms show next to the password field.
import { COMMON_PASSWORD_CODE } from '../src/shared/account-codes';
import { isCommonPassword } from './common-passwords';
import { HttpError } from './http-error';

export function commonPasswordRefused(password: string): void {
  if (isCommonPassword(password)) {
    throw new HttpError(
      400,
      COMMON_PASSWORD_CODE,
      'password: this is one of the most common passwords, which are guessed first. Choose another.',
    );
  }
}
