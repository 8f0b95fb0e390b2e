/**
 * A fake Slack on 127.0.0.1: the Web API (`/api/<method>`, form or JSON bodies, recorded) and
 * response_url endpoints (`/response/<id>`, recorded, awaitable). Handlers can be overridden
 * per method to simulate `ok:false`, 429 with Retry-After, or 5xx.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly token: string | undefined;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type ApiHandler = (params: Record<string, unknown>, callIndex: number) => FakeReply | Promise<FakeReply>;

type Waiter = { pred: () => boolean; resolve: () => void };

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses = new Map<string, Record<string, unknown>[]>();
  /** Status the response_url endpoints answer with (e.g. 404 for an expired URL). */
  responseStatus = 200;
  /** users.info locale per user ID (default ko-KR). */
  readonly locales = new Map<string, string>();
  private readonly handlers = new Map<string, ApiHandler>();
  private readonly waiters = new Set<Waiter>();
  private server!: Server;
  private nextTs = 1_700_000_000;
  private responseIds = 0;
  baseUrl = '';

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.server = createServer((req, res) => {
      void fake.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url on this fake. */
  responseUrl(): string {
    this.responseIds += 1;
    return `${this.baseUrl}/response/r${this.responseIds}`;
  }

  on(method: string, handler: ApiHandler): void {
    this.handlers.set(method, handler);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  postsTo(responseUrl: string): Record<string, unknown>[] {
    return this.responses.get(responseUrl.split('/').pop()!) ?? [];
  }

  /** Resolve once `pred` holds (checked after every request), or reject after `timeoutMs`. */
  waitFor(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        pred,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The `n`th post (1-based) to a response_url. */
  async post(responseUrl: string, n = 1, timeoutMs?: number): Promise<Record<string, unknown>> {
    await this.waitFor(() => this.postsTo(responseUrl).length >= n, timeoutMs, `post #${n} to ${responseUrl}`);
    return this.postsTo(responseUrl)[n - 1]!;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage): Promise<Required<FakeReply>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    try {
      if (url.startsWith('/response/')) {
        const id = url.slice('/response/'.length);
        const list = this.responses.get(id) ?? [];
        list.push(JSON.parse(raw) as Record<string, unknown>);
        this.responses.set(id, list);
        return { status: this.responseStatus, headers: {}, body: this.responseStatus === 200 ? 'ok' : 'expired_url' };
      }
      if (url.startsWith('/api/')) {
        const method = url.slice('/api/'.length).split('?')[0]!;
        const params = parseParams(raw, req.headers['content-type']);
        const auth = req.headers.authorization;
        this.calls.push({ method, params, token: auth?.replace(/^Bearer /, '') ?? (params.token as string | undefined) });
        const index = this.callsTo(method).length - 1;
        const handler = this.handlers.get(method);
        const reply = handler ? await handler(params, index) : this.defaultReply(method, params);
        return { status: reply.status ?? 200, headers: reply.headers ?? {}, body: reply.body ?? { ok: true } };
      }
      return { status: 404, headers: {}, body: { ok: false, error: 'unknown_url' } };
    } finally {
      for (const w of [...this.waiters]) {
        if (w.pred()) {
          this.waiters.delete(w);
          w.resolve();
        }
      }
    }
  }

  private defaultReply(method: string, params: Record<string, unknown>): FakeReply {
    switch (method) {
      case 'auth.test':
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'ops', user: 'coupon-bot' } };
      case 'users.info': {
        const user = String(params.user);
        return { body: { ok: true, user: { id: user, locale: this.locales.get(user) ?? 'ko-KR' } } };
      }
      case 'chat.postMessage':
        this.nextTs += 1;
        return { body: { ok: true, channel: params.channel, ts: `${this.nextTs}.000100` } };
      case 'chat.postEphemeral':
        this.nextTs += 1;
        return { body: { ok: true, message_ts: `${this.nextTs}.000200` } };
      case 'views.open':
        return { body: { ok: true, view: { id: 'V1' } } };
      default:
        return { body: { ok: true } };
    }
  }
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // WebClient form-encodes nested values (blocks, view) as JSON strings.
    out[k] = /^[[{]/.test(v) ? safeParse(v) : v;
  }
  return out;
}

function safeParse(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
