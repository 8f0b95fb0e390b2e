/**
 * The request checks in front of Bolt, with a stub in Bolt's place: replay protection across
 * replicas sharing one store, and a store that fails or hangs (the bot keeps answering).
 */
import type { HTTPReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { startHttpFront, type HttpFront } from '../../src/runtime/http-front.js';
import { createMemoryStore } from '../../src/stores/memory/key-value.js';
import type { KeyValueStore } from '../../src/stores/types.js';
import type { HttpLimits } from '../../src/runtime/http-limits.js';
import { signedHeaders } from '../support/signing.js';
import { head, openRaw, within } from './raw-http.js';

const SECRET = 'replica-secret';
const FORM = 'application/x-www-form-urlencoded';
const fronts: HttpFront[] = [];

interface Replica {
  readonly url: string;
  readonly port: number;
  readonly seen: string[];
  readonly lines: Record<string, unknown>[];
}

/** A front whose "Bolt" records the buffered body it was handed and answers 200 "handled". */
async function replica(store: KeyValueStore, limits: Partial<HttpLimits> = {}): Promise<Replica> {
  const seen: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const receiver = {
    requestListener: (req: IncomingMessage & { rawBody?: Buffer }, res: ServerResponse) => {
      seen.push(req.rawBody?.toString('utf8') ?? '(not buffered)');
      res.end('handled');
    },
  } as unknown as HTTPReceiver;
  const front = await startHttpFront({
    slack: { receiver, signingSecret: SECRET, store },
    port: 0,
    host: '127.0.0.1',
    health: () => ({ status: 'ok' }),
    logger: createLogger({ sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) }),
    limits,
  });
  const port = front.port;
  fronts.push(front);
  return { url: `http://127.0.0.1:${port}/slack/events`, port, seen, lines };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await request(url, { method: 'POST', body, headers });
  return { status: res.statusCode, body: await res.body.text() };
}

afterEach(async () => {
  for (const f of fronts.splice(0)) await f.close();
});

describe('replay protection', () => {
  it('holds across replicas sharing a store: the copy sent to another replica is answered, not processed', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const [a, b] = [await replica(store), await replica(store)];
    const body = 'command=%2Fcoupon&text=0000999999+012345678902&response_url=x';
    const headers = signedHeaders(SECRET, body, FORM);
    expect(await post(a.url, body, headers)).toEqual({ status: 200, body: 'handled' });
    expect(await post(b.url, body, headers)).toEqual({ status: 200, body: '' });
    expect(await post(a.url, body, headers)).toEqual({ status: 200, body: '' });
    expect(a.seen).toEqual([body]);
    expect(b.seen).toEqual([]);
    expect(b.lines.some((l) => l.msg === 'replayed_request')).toBe(true);
  });

  it('a request refused for its signature does not mark the signature as seen', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const a = await replica(store);
    const body = 'command=%2Fcoupon&text=1';
    const headers = signedHeaders(SECRET, body, FORM);
    expect((await post(a.url, `${body}0`, headers)).status).toBe(401); // body changed: HMAC fails
    expect(await post(a.url, body, headers)).toEqual({ status: 200, body: 'handled' });
  });

  it.each([
    ['fails', () => Promise.reject(new Error('redis: connection refused'))],
    ['never answers', () => new Promise<boolean>(() => undefined)],
  ])('a store that %s: requests are still processed, with one warning', async (_name, add) => {
    const store: KeyValueStore = { ...createMemoryStore({ clock: Date.now }), add };
    const a = await replica(store);
    for (const text of ['1', '2', '3']) {
      const body = `command=%2Fcoupon&text=${text}`;
      expect(await post(a.url, body, signedHeaders(SECRET, body, FORM))).toEqual({ status: 200, body: 'handled' });
    }
    expect(a.seen).toHaveLength(3);
    expect(a.lines.filter((l) => l.msg === 'replay_check_unavailable')).toHaveLength(1);
  });
});

describe('the shared byte budget for bodies being received', () => {
  it('refuses a new body with 503 while others hold the budget, and takes it again once they are gone', async () => {
    const a = await replica(createMemoryStore({ clock: Date.now }), { bodyBytes: 800, bufferedBytes: 1000 });
    const holder = await openRaw(a.port);
    try {
      // Announces 800 bytes and sends none: the budget is held until its body deadline.
      holder.write(head({ 'content-type': FORM, 'content-length': 800, ...signedHeaders(SECRET, 'x', FORM) }));
      await new Promise((r) => setTimeout(r, 100));
      const body = `command=%2Fcoupon&text=${'a'.repeat(300)}`;
      const busy = await post(a.url, body, signedHeaders(SECRET, body, FORM));
      expect(busy.status).toBe(503);
      expect(a.lines.some((l) => l.msg === 'busy_receiving')).toBe(true);
      holder.dispose();
      await within(holder.closed, 5_000, 'holder closed');
      let answer = busy;
      for (let i = 0; i < 50 && answer.status === 503; i++) {
        await new Promise((r) => setTimeout(r, 50));
        answer = await post(a.url, body, signedHeaders(SECRET, body, FORM));
      }
      expect(answer).toEqual({ status: 200, body: 'handled' });
    } finally {
      holder.dispose();
    }
  });
});
