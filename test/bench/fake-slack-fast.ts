/**
 * A minimal fake Slack for the benchmark, on 127.0.0.1: `auth.test`, `users.info` and
 * response_url posts (`/response/<id>`). Unlike test/support/fake-slack.ts it keeps no call
 * log and resolves per-id waiters in O(1), so the fake itself stays off the profile.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A post to a response_url: when its body was fully received, and the body. */
export interface Arrival {
  readonly at: number;
  readonly body: string;
}

interface Waiter {
  resolve(a: Arrival | null): void;
  timer: NodeJS.Timeout;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export class FastFakeSlack {
  /** Web API calls by method name. */
  readonly apiCalls = new Map<string, number>();
  /** Posts received on response_urls (all of them, including unexpected ones). */
  posts = 0;
  private readonly waiters = new Map<string, Waiter>();
  /** Posts that arrived with no waiter (late, or a second post to the same URL). */
  private readonly unclaimed = new Map<string, Arrival>();
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(now: () => number = () => performance.now()): Promise<FastFakeSlack> {
    let fake: FastFakeSlack | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = now();
        const url = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        if (url.startsWith('/response/')) {
          fake!.arrived(url.slice('/response/'.length), { at, body });
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
          return;
        }
        if (url.startsWith('/api/')) {
          const method = url.slice('/api/'.length).split('?')[0]!;
          fake!.apiCalls.set(method, (fake!.apiCalls.get(method) ?? 0) + 1);
          res.writeHead(200, JSON_HEADERS).end(JSON.stringify(apiReply(method, body)));
          return;
        }
        res.writeHead(404, JSON_HEADERS).end('{"ok":false,"error":"unknown_url"}');
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    fake = new FastFakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The first post to `id`'s response_url, or null when none came within `timeoutMs`. Call before the post can arrive. */
  awaitPost(id: string, timeoutMs: number): Promise<Arrival | null> {
    const early = this.unclaimed.get(id);
    if (early) {
      this.unclaimed.delete(id);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(id, { resolve, timer });
    });
  }

  async close(): Promise<void> {
    for (const w of this.waiters.values()) {
      clearTimeout(w.timer);
      w.resolve(null);
    }
    this.waiters.clear();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private arrived(id: string, arrival: Arrival): void {
    this.posts++;
    const waiter = this.waiters.get(id);
    if (!waiter) {
      this.unclaimed.set(id, arrival);
      return;
    }
    this.waiters.delete(id);
    clearTimeout(waiter.timer);
    waiter.resolve(arrival);
  }
}

function apiReply(method: string, body: string): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'bench', user: 'coupon-bot' };
    case 'users.info': {
      const user = new URLSearchParams(body).get('user') ?? 'U0';
      return { ok: true, user: { id: user, locale: 'ko-KR' } };
    }
    default:
      return { ok: true };
  }
}
