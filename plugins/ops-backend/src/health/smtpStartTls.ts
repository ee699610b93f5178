import { hostname } from 'node:os';
import { Socket } from 'node:net';

/** One SMTP reply: its code and lines (`250-a`, `250 b` → code 250, [a, b]). */
interface SmtpReply {
  code: number;
  lines: string[];
}

// A reply is a few short lines; a server sending more is not speaking SMTP.
const MAX_REPLY_BYTES = 16 * 1024;

function readReply(socket: Socket, buffered: { text: string }) {
  return new Promise<SmtpReply>((resolve, reject) => {
    function settle(error?: Error, reply?: SmtpReply) {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onEnd);
      if (error) reject(error);
      else resolve(reply!);
    }
    function tryParse() {
      const lines = buffered.text.split('\r\n');
      const last = lines.findIndex(l => /^\d{3}( |$)/.test(l));
      if (last < 0) {
        if (buffered.text.length > MAX_REPLY_BYTES) {
          settle(new Error('The server does not answer as an SMTP server'));
        }
        return;
      }
      buffered.text = lines.slice(last + 1).join('\r\n');
      settle(undefined, {
        code: Number(lines[last].slice(0, 3)),
        lines: lines.slice(0, last + 1).map(l => l.slice(4)),
      });
    }
    function onData(chunk: Buffer) {
      buffered.text += chunk.toString('latin1');
      tryParse();
    }
    function onEnd(error?: Error) {
      settle(error ?? new Error('The SMTP server closed the connection'));
    }
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onEnd);
    tryParse();
  });
}

async function expectCode(
  socket: Socket,
  buffered: { text: string },
  code: number,
  step: string,
): Promise<SmtpReply> {
  const reply = await readReply(socket, buffered);
  if (reply.code !== code) {
    throw new Error(
      `SMTP ${step}: ${reply.code} ${reply.lines.join(' ')}`.trim(),
    );
  }
  return reply;
}

/**
 * Takes a plain SMTP connection to the point where TLS starts (RFC 3207):
 * greeting, EHLO, STARTTLS. Throws, naming the step, when the server does
 * not get there.
 */
export async function smtpStartTls(socket: Socket): Promise<void> {
  const buffered = { text: '' };
  await expectCode(socket, buffered, 220, 'greeting');
  socket.write(`EHLO ${hostname() || 'localhost'}\r\n`);
  const ehlo = await expectCode(socket, buffered, 250, 'EHLO');
  if (!ehlo.lines.some(l => /^STARTTLS\b/i.test(l))) {
    throw new Error('The SMTP server does not offer STARTTLS');
  }
  socket.write('STARTTLS\r\n');
  await expectCode(socket, buffered, 220, 'STARTTLS');
}
