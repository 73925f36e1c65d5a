// The reset email's words: plain text, saying who asked, how long the link works, and what to do if it was
// not the reader.
import { RESET_LINK_MINUTES, RESET_PAGE_PATH } from '../../src/shared/protocol/recovery-protocol';
import type { MailMessage } from './mailer';

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}${RESET_PAGE_PATH}#token=${token}`;
}

export function resetEmail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Pocket CPD password',
    text: [
      'Someone asked to reset the password of the Pocket CPD account that uses this email address.',
      '',
      `To choose a new password, open this link within ${RESET_LINK_MINUTES} minutes. It works once.`,
      '',
      link,
      '',
      'Choosing a new password signs the account out on every other device.',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}
