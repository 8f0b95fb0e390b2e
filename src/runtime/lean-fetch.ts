/**
 * A `fetch` for Bolt's `respond()` and the Slack Web API client, over `undici.request` with a
 * keep-alive pool. The benchmark showed Node's built-in fetch costing 4–5× the CPU of
 * `undici.request` per call, which made Slack I/O the bot's biggest cost under load; it also
 * gives every Slack call a deadline (Bolt's `respond()` has none of its own).
 *
 * Only what those two callers use is implemented: string bodies, a buffered response with
 * `ok`, `status`, `statusText`, `url`, `headers.get/entries/forEach`, `text`, `json`,
 * `arrayBuffer`. Anything else (multipart uploads, streams) goes to the real `fetch`.
 */
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';

/** Deadline for any single call to Slack (Web API or response_url). */
export const SLACK_TIMEOUT_MS = 10_000;

export interface LeanFetch {
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

type HeaderMap = Record<string, string | string[] | undefined>;

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers).entries());
  return headers as Record<string, string>;
}

class LeanHeaders {
  constructor(private readonly raw: HeaderMap) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const v = this.get(name);
      if (v !== null) yield [name, v];
    }
  }
  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) fn(value, name);
  }
}

export function createLeanFetch(options: { readonly timeoutMs?: number; readonly connections?: number } = {}): LeanFetch {
  const timeoutMs = options.timeoutMs ?? SLACK_TIMEOUT_MS;
  const agent = new Agent({ connections: options.connections ?? 64, keepAliveTimeout: 10_000 });
  const lean = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
    if (url === null || (init.body != null && typeof init.body !== 'string')) return fetch(input, init);
    const res = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: plainHeaders(init.headers),
      body: init.body ?? null,
      signal: init.signal ?? undefined,
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    const response = {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      statusText: STATUS_CODES[res.statusCode] ?? '',
      url,
      redirected: false,
      headers: new LeanHeaders(res.headers),
      text: async () => bytes.toString('utf8'),
      json: async (): Promise<unknown> => JSON.parse(bytes.toString('utf8')),
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
    return response as unknown as Response;
  };
  return { fetch: lean as typeof fetch, close: () => agent.close() };
}
