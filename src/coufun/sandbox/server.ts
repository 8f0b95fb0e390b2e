/**
 * The built-in Coufun simulator: a real HTTP server on loopback speaking the vendor protocol
 * (form POST in, EUC-KR XML out). Used when COUFUN_ENV is unset, by tests and by benchmarks.
 * It logs nothing: barcodes are bearer values even when fake.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../time/clock.js';
import { systemClock } from '../../time/clock.js';
import { answer } from './answer.js';
import { SANDBOX_POC_ID } from '../environments.js';
import { sendFault } from './faults.js';
import { readBody } from '../../http/body.js';
import { parseForm, pause, sendPage, sendXml } from './respond.js';

/** The vendor's endpoint path (manual §2), served by the sandbox. */
export const SANDBOX_PATH = '/b2c_api/coufunPartAmountStatus.do';

/** Largest request body accepted; a real form is under 100 bytes. */
export const SANDBOX_MAX_BODY_BYTES = 4 * 1024;

export interface SandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** Fixed extra delay before every answer, errors included (benchmarks use 50). Default 0. */
  delayMs?: number;
  /** Delay of the FAULT-SLOW barcode. Default 1500. */
  slowMs?: number;
  /** The POC_ID it accepts. Default SANDBOX_POC_ID. */
  pocId?: string;
  /** Seeds' dates are computed relative to this clock's KST today. */
  clock?: Clock;
}

export interface SandboxHandle {
  /** Full endpoint URL: http://127.0.0.1:PORT/b2c_api/coufunPartAmountStatus.do */
  readonly url: string;
  readonly port: number;
  /** Requests received so far (all, or for one barcode). */
  requestCount(barcode?: string): number;
  /** Forget counters and the state of the flaky seeds. */
  resetStats(): void;
  /** Stop: also destroys hanging connections so nothing keeps the process alive. */
  close(): Promise<void>;
}

/** Start the simulator; resolves once it listens. Rejects on a listen error (e.g. port in use). */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const host = options.host ?? '127.0.0.1';
  const delayMs = options.delayMs ?? 0;
  const slowMs = options.slowMs ?? 1500;
  const pocId = options.pocId ?? SANDBOX_POC_ID;
  const clock = options.clock ?? systemClock;
  const closing = new AbortController();
  // Every paused answer (delay, slow, hang) listens for the close: under load that is hundreds.
  setMaxListeners(Infinity, closing.signal);
  let total = 0;
  let perBarcode = new Map<string, number>();
  let hit = new Set<string>();
  let origin = '';
  const firstHit = (barcode: string): boolean => {
    if (hit.has(barcode)) return false;
    hit.add(barcode);
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    total++;
    const signal = closing.signal;
    const path = (req.url ?? '').split('?')[0];
    if (path !== SANDBOX_PATH || req.method !== 'POST') {
      req.resume();
      await pause(delayMs, signal);
      if (path !== SANDBOX_PATH) return sendPage(res, 404, '404 Not Found', 'The requested URL was not found on this server.');
      return sendPage(res, 405, '405 Method Not Allowed', 'Use POST.', { Allow: 'POST' });
    }
    // Past the limit the body is still read (and dropped) so the 413 reaches the client instead
    // of a reset; past a megabyte the connection is simply cut.
    const body = await readBody(req, { limit: SANDBOX_MAX_BODY_BYTES, drainUpTo: 1024 * 1024 });
    if (!body.ok && body.reason !== 'too_large') return;
    if (!body.ok) {
      await pause(delayMs, signal);
      return sendPage(res, 413, '413 Payload Too Large', `The request body is over ${SANDBOX_MAX_BODY_BYTES} bytes.`);
    }
    const form = parseForm(req.headers['content-type'], body.body);
    const barcode = form.get('BARCODE_NUM');
    if (barcode) perBarcode.set(barcode, (perBarcode.get(barcode) ?? 0) + 1);
    const reply = answer(form, { pocId, nowMs: clock(), firstHit });
    await pause(delayMs, signal);
    if (reply.kind === 'xml') return sendXml(res, reply.xml);
    return sendFault(res, reply.fault, reply.xml, { slowMs, signal, origin });
  }

  const server = createServer((req, res) => {
    // A client that hangs up mid-answer is routine here, not an error worth crashing over.
    res.on('error', () => undefined);
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url: origin + SANDBOX_PATH,
    port,
    requestCount: (barcode) => (barcode === undefined ? total : (perBarcode.get(barcode) ?? 0)),
    resetStats: () => {
      total = 0;
      perBarcode = new Map();
      hit = new Set();
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
