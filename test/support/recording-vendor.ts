/**
 * A Coufun stand-in on 127.0.0.1 that records when each request arrives and how many are open
 * at once, so pacing tests count requests per window instead of timing anything. Each request
 * is answered by `answer` (a success for any number by default), after `delayMs`.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { kstCalendar } from '../../src/coufun/sandbox/dates.js';
import { amountOrder } from '../../src/coufun/sandbox/orders.js';
import { parseForm, sendPage, sendXml } from '../../src/coufun/sandbox/respond.js';
import { readBody } from '../../src/http/body.js';
import { errorXml, successXml } from '../../src/coufun/sandbox/xml.js';

/** How one request is answered: a vendor code, a success, an HTTP 500, or a hang. */
export type Answer = { kind: 'ok' } | { kind: 'code'; code: string } | { kind: 'http500' } | { kind: 'hang' };

export interface Arrival {
  readonly at: number;
  readonly barcode: string;
}

export interface RecordingVendor {
  readonly url: string;
  readonly arrivals: Arrival[];
  /** Most requests open at the same time. */
  readonly maxOpen: () => number;
  /** Most arrivals in any window of `ms` (half-open), over all arrivals so far. */
  maxInWindow(ms: number): number;
  close(): Promise<void>;
}

export async function startRecordingVendor(options: {
  readonly delayMs?: number;
  readonly answer?: (n: number, barcode: string) => Answer;
}): Promise<RecordingVendor> {
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  let open = 0;
  let maxOpen = 0;
  const reply = (res: ServerResponse, answer: Answer, barcode: string): void => {
    if (answer.kind === 'hang') return;
    if (answer.kind === 'http500') return sendPage(res, 500, '500', 'down');
    if (answer.kind === 'code') return sendXml(res, errorXml(answer.code, `오류 ${answer.code}`));
    sendXml(res, successXml('정상', [amountOrder(kstCalendar(Date.now()), barcode, 10_000, 10_000)], 'flat'));
  };
  const server = createServer(async (req, res) => {
    const at = performance.now();
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    res.on('close', () => (open -= 1));
    const body = await readBody(req, { limit: 4096 });
    if (!body.ok) return res.destroy();
    const barcode = parseForm(req.headers['content-type'], body.body).get('BARCODE_NUM') ?? '';
    arrivals.push({ at, barcode });
    const answer = options.answer?.(arrivals.length, barcode) ?? { kind: 'ok' };
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    reply(res, answer, barcode);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/b2c_api/coufunPartAmountStatus.do`,
    arrivals,
    maxOpen: () => maxOpen,
    maxInWindow(ms) {
      const times = arrivals.map((a) => a.at).sort((a, b) => a - b);
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i += 1) {
        while (times[i]! - times[j]! >= ms) j += 1;
        most = Math.max(most, i - j + 1);
      }
      return most;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
