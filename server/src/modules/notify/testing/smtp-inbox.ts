import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface SmtpInbox {
  readonly port: number;
  readonly mails: ParsedMail[];
  /** Resolves when `count` mails have arrived. */
  waitFor(count: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server): it requires the given login, accepts every mail
 * and parses it with mailparser, so tests read what a mailbox would receive. Recipients listed in
 * `reject` are refused with 550 (an unknown mailbox).
 */
export async function startSmtpInbox(
  login: { user: string; pass: string },
  reject: string[] = [],
): Promise<SmtpInbox> {
  const mails: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer(
    serverOptions(login, reject, (mail) => {
      mails.push(mail);
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    async waitFor(count) {
      while (mails.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serverOptions(
  login: { user: string; pass: string },
  reject: string[],
  received: (mail: ParsedMail) => void,
): SMTPServerOptions {
  return {
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (reject.includes(address.address)) {
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received(mail);
          callback();
        })
        .catch(callback);
    },
  };
}
