// What to say when a change to the account (name, email, password) is refused, next to the field it is
// about. Pure, with a table test.
import type { ApiFailure } from '../../api/api-client';
import { COMMON_PASSWORD_CODE, WRONG_PASSWORD_CODE } from '../../shared/protocol/account-codes';
import { COMMON_PASSWORD_TEXT, SERVER_UNREACHABLE, waitText } from './form-errors';

export type ChangeField = 'name' | 'email' | 'currentPassword' | 'newPassword';
export type ChangeErrors = { fields: Partial<Record<ChangeField, string>>; form?: string };

export const CHANGE_FIELD_TEXT: Record<ChangeField, string> = {
  name: 'Enter the name you want on your certificates (up to 100 characters).',
  email: 'Enter an email address like name@example.org.',
  currentPassword: 'Enter your current password.',
  newPassword: 'Use 10 to 200 characters.',
};

export function changeErrors(failure: ApiFailure): ChangeErrors {
  if (failure.code === WRONG_PASSWORD_CODE)
    return { fields: { currentPassword: 'Your current password is not right.' } };
  if (failure.code === COMMON_PASSWORD_CODE) return { fields: { newPassword: COMMON_PASSWORD_TEXT } };
  if (failure.code === 'email_taken')
    return { fields: { email: 'Another account already uses this email.' } };
  switch (failure.kind) {
    case 'network':
      return { fields: {}, form: SERVER_UNREACHABLE };
    case 'rate-limited':
      return { fields: {}, form: `Too many tries. Wait ${waitText(failure.retryAfterMs)} and try again.` };
    case 'unauthorized':
      return { fields: {}, form: 'Your session has ended. Sign in again, then make the change.' };
    case 'rejected':
      if (failure.code === 'invalid_request') {
        const fields: ChangeErrors['fields'] = {};
        for (const part of failure.message.split(';')) {
          const field = part.split(':')[0]?.trim() as ChangeField;
          if (field in CHANGE_FIELD_TEXT) fields[field] = CHANGE_FIELD_TEXT[field];
        }
        if (Object.keys(fields).length > 0) return { fields };
      }
      return { fields: {}, form: failure.message };
    default:
      return { fields: {}, form: 'The server had a problem. Please try again in a moment.' };
  }
}
