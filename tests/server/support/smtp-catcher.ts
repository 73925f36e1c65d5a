// A real SMTP server on 127.0.0.1 (smtp-server, the server half of nodemailer's project) that keeps every
// message it is sent, for the reset-email tests: the server under test talks SMTP to it as to any relay.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { from: string; to: string[]; raw: string };

export type SmtpCatcher = {
  url: string;
  messages: CaughtMail[];
  /** Resolves with the first message to `to` (already caught or still to come), or rejects after `ms`. */
  next: (to: string, ms?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
};

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const waiting: { to: string; resolve: (mail: CaughtMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: CaughtMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        messages.push(mail);
        for (const w of waiting.filter((x) => mail.to.includes(x.to))) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(mail);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next(to, ms = 10_000) {
      const caught = messages.find((m) => m.to.includes(to));
      if (caught) return Promise.resolve(caught);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${ms} ms`)), ms);
        waiting.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message's text as a reader sees it: headers dropped, quoted-printable soft breaks and escapes undone. */
export function mailText(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const quoted = /content-transfer-encoding:\s*quoted-printable/i.test(raw.slice(0, raw.indexOf('\r\n\r\n')));
  if (!quoted) return body;
  return body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The reset link in a message's text. */
export function resetLinkIn(raw: string): string {
  const link = /https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+/.exec(mailText(raw))?.[0];
  if (!link) throw new Error(`no reset link in:\n${raw}`);
  return link;
}
