/**
 * A raw TCP client for the HTTP front's limits: it can announce a body it never sends, send a
 * byte at a time, or say nothing at all, and reports what the server answered and whether it
 * closed the connection. Loopback only; every socket is destroyed by `dispose`.
 */
import { connect, type Socket } from 'node:net';

export interface RawConnection {
  readonly socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** The status code of the first response, once one arrived. */
  status(): number | undefined;
  /** Resolves when the server closed the connection (or it broke). */
  readonly closed: Promise<void>;
  isClosed(): boolean;
  write(data: string | Buffer): void;
  /** Send `data` one byte every `everyMs` until done, the connection closes, or `dispose`. */
  trickle(data: string, everyMs: number): void;
  dispose(): void;
}

export function openRaw(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let closedFlag = false;
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((done) => {
      socket.on('close', () => {
        closedFlag = true;
        clearInterval(timer);
        done();
      });
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => text,
        status: () => {
          const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
          return m ? Number(m[1]) : undefined;
        },
        closed,
        isClosed: () => closedFlag,
        write: (data) => {
          if (!closedFlag) socket.write(data);
        },
        trickle: (data, everyMs) => {
          let at = 0;
          timer = setInterval(() => {
            if (closedFlag || at >= data.length) return clearInterval(timer);
            socket.write(data[at++]!);
          }, everyMs);
        },
        dispose: () => {
          clearInterval(timer);
          socket.destroy();
        },
      }),
    );
    socket.once('error', reject);
  });
}

/** Wait for `p`, or give up after `boundMs` (a generous bound, never a performance claim). */
export async function within<T>(p: Promise<T>, boundMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: not within ${boundMs} ms`)), boundMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A request head: request line, headers, blank line. */
export function head(lines: Record<string, string | number>, path = '/slack/events', method = 'POST'): string {
  const headers = Object.entries(lines)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}\r\n`;
}
