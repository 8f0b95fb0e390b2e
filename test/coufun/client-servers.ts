/**
 * Purpose-built loopback HTTP servers for the client and lookup tests: each test says exactly
 * how the "vendor" misbehaves. Listens on 127.0.0.1, port 0; `close()` also drops open sockets.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { eucKr, failureXml, flatXml, sampleOrder } from './fixtures.js';

/** What the server saw of one request. */
export interface SeenRequest {
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
  /** The form fields as received. */
  readonly form: URLSearchParams;
}

/** `n` counts requests from 1; `res.socket` is there for tests that break the connection. */
export type Handler = (seen: SeenRequest, res: ServerResponse, n: number) => void;

export interface Loopback {
  readonly url: string;
  readonly port: number;
  readonly requests: SeenRequest[];
  /** TCP connections accepted so far. */
  connectionCount(): number;
  /** Resolves when every socket the server accepted has closed. */
  allSocketsClosed(): Promise<void>;
  close(): Promise<void>;
}

/** Start a server that answers every request with `handler` (after reading the request body). */
export async function serve(handler: Handler): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', headers: req.headers, form: new URLSearchParams(Buffer.concat(chunks).toString()) };
      requests.push(seen);
      handler(seen, res, requests.length);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/b2c_api/coufunPartAmountStatus.do`,
    port,
    requests,
    connectionCount: () => connections,
    async allSocketsClosed() {
      // Not events.once: a reset socket emits 'error' before 'close', and that is fine here.
      await Promise.all([...sockets].map((s) => new Promise((resolve) => (s.destroyed ? resolve(null) : s.on('close', resolve)))));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Send `body` as the vendor does: EUC-KR XML. */
export function sendXml(res: ServerResponse, xml: string, status = 200): void {
  const bytes = eucKr(xml);
  res.writeHead(status, { 'content-type': 'text/xml; charset=EUC-KR', 'content-length': bytes.byteLength });
  res.end(bytes);
}

/** A success answer for the barcode that was asked (one unused AMOUNT coupon). */
export function successFor(seen: SeenRequest): string {
  return flatXml(sampleOrder({ BARCODE_NUM: seen.form.get('BARCODE_NUM') ?? 'UNKNOWN' }));
}

/** A vendor failure answer. */
export function vendorFailure(code: string, message = '조회 실패'): string {
  return failureXml(code, message);
}
