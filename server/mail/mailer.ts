// Outgoing mail through the operator's SMTP relay (SMTP_URL), with nodemailer. The only mail the server
// sends is a password reset link.
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config';

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send: (message: MailMessage) => Promise<void>; close: () => void };

export function createMailer({ smtpUrl, from }: MailConfig): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
