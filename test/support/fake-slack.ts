/**
 * The one fake Slack, on 127.0.0.1, for the tests and the benchmark: the Web API (`/api/<method>`,
 * form or JSON bodies) and response_url endpoints (`/response/<id>`). Handlers can be overridden
 * per method to simulate `ok:false`, 429 with Retry-After, 5xx or no answer at all.
 *
 * By default every call and post is kept for assertions. The benchmark starts it with
 * `record: false`: then it only counts, keeps nothing per request but a post nobody awaited, and
 * resolves `awaitPost` per id in O(1), so the fake itself stays off the profile.
 * Socket Mode's side is test/support/fake-socket-mode.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/** A post to a response_url: when its body was fully received (by the `now` clock), and the raw body. */
export interface Arrival {
  readonly at: number;
  readonly body: string;
}

export interface FakeSlackOptions {
  /** Keep every call and post (default true); the benchmark only counts. */
  readonly record?: boolean;
  /** Stamps arrivals (default `performance.now`). */
  readonly now?: () => number;
}

type Waiter = { pred: () => boolean; resolve: () => void };

export class FakeSlack {
  /** Web API calls, in order (empty when not recording). */
  readonly calls: ApiCall[] = [];
  /** Posts per response_url id, parsed (empty when not recording). */
  readonly responses = new Map<string, Record<string, unknown>[]>();
  /** Web API calls per method, always counted. */
  readonly apiCounts = new Map<string, number>();
  /** Posts received on response_urls, always counted. */
  posts = 0;
  /** Status the response_url endpoints answer with (e.g. 404 for an expired URL). */
  responseStatus = 200;
  /** users.info locale per user ID (default ko-KR). */
  readonly locales = new Map<string, string>();
  baseUrl = '';
  private readonly handlers = new Map<string, ApiHandler>();
  private readonly waiters = new Set<Waiter>();
  private readonly postWaiters = new Map<string, (a: Arrival | null) => void>();
  private readonly unclaimed = new Map<string, Arrival>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server!: Server;
  private nextTs = 1_700_000_000;
  private responseIds = 0;
  private readonly record: boolean;
  private readonly now: () => number;

  private constructor(options: FakeSlackOptions) {
    this.record = options.record ?? true;
    this.now = options.now ?? (() => performance.now());
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    fake.server = createServer((req, res) => fake.receive(req, res));
    fake.server.keepAliveTimeout = 65_000;
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url on this fake: a fresh one, or the one named `id`. */
  responseUrl(id?: string): string {
    if (id === undefined) this.responseIds += 1;
    return `${this.baseUrl}/response/${id ?? `r${this.responseIds}`}`;
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
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = { pred, resolve: () => (clearTimeout(timer), resolve()) };
      this.waiters.add(waiter);
    });
  }

  /** The `n`th post (1-based) to a response_url. */
  async post(responseUrl: string, n = 1, timeoutMs?: number): Promise<Record<string, unknown>> {
    await this.waitFor(() => this.postsTo(responseUrl).length >= n, timeoutMs, `post #${n} to ${responseUrl}`);
    return this.postsTo(responseUrl)[n - 1]!;
  }

  /** The first post to response_url `id`, or null when none came within `timeoutMs`; one waiter per id. */
  awaitPost(id: string, timeoutMs: number): Promise<Arrival | null> {
    const early = this.unclaimed.get(id);
    if (early) {
      this.unclaimed.delete(id);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.postWaiters.delete(id);
        resolve(null);
      }, timeoutMs);
      this.timers.add(timer);
      this.postWaiters.set(id, (a) => (clearTimeout(timer), this.timers.delete(timer), resolve(a)));
    });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const resolve of this.postWaiters.values()) resolve(null);
    this.postWaiters.clear();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      void this.answer(req, raw).then(
        ({ status, headers, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        },
        () => res.writeHead(500).end(),
      );
    });
  }

  private async answer(req: IncomingMessage, raw: string): Promise<Required<FakeReply>> {
    const url = req.url ?? '/';
    try {
      if (url.startsWith('/response/')) {
        this.arrived(url.slice('/response/'.length), { at: this.now(), body: raw });
        return { status: this.responseStatus, headers: {}, body: this.responseStatus === 200 ? 'ok' : 'expired_url' };
      }
      if (url.startsWith('/api/')) {
        const method = url.slice('/api/'.length).split('?')[0]!;
        const params = parseParams(raw, req.headers['content-type']);
        const index = this.apiCounts.get(method) ?? 0;
        this.apiCounts.set(method, index + 1);
        const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (params.token as string | undefined);
        if (this.record) this.calls.push({ method, params, token });
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

  private arrived(id: string, arrival: Arrival): void {
    this.posts += 1;
    if (this.record) {
      const list = this.responses.get(id) ?? [];
      list.push(JSON.parse(arrival.body) as Record<string, unknown>);
      this.responses.set(id, list);
    }
    const waiter = this.postWaiters.get(id);
    if (!waiter) {
      if (!this.unclaimed.has(id)) this.unclaimed.set(id, arrival);
      return;
    }
    this.postWaiters.delete(id);
    waiter(arrival);
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
