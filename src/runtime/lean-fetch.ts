/**
 * A `fetch` for Bolt's `respond()` and the Slack Web API client, over `undici.request` with a
 * keep-alive pool. The benchmark showed Node's built-in fetch costing 4–5× the CPU of
 * `undici.request` per call, which made Slack I/O the bot's biggest cost under load; it also
 * gives every Slack call a deadline (Bolt's `respond()` has none of its own).
 *
 * String bodies (all these two callers send) go over the pool; the answer is buffered and
 * handed back as a real `Response` (real `Headers`, `url` kept) whose `clone()` re-reads the
 * buffered bytes instead of teeing a stream. Anything else (multipart uploads, streams, a
 * `Request`) goes to the real `fetch`, under the same deadline.
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

/** Statuses whose response must have a null body (the Fetch standard). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function responseHeaders(raw: HeaderMap): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, value);
  }
  return headers;
}

/**
 * A real `Response` over bytes already read. `clone()` builds another one over the same bytes:
 * the same answer, without the stream tee a clone of a stream-backed body costs (the metrics
 * wrapper reads a clone of every Web API answer).
 */
class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #url: string;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, init: ResponseInit, url: string) {
    super(bytes, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.#url);
  }
}

/** `signal` and a deadline of `ms`, whichever fires first. */
function withDeadline(signal: AbortSignal | null | undefined, ms: number): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

export function createLeanFetch(options: { readonly timeoutMs?: number; readonly connections?: number } = {}): LeanFetch {
  const timeoutMs = options.timeoutMs ?? SLACK_TIMEOUT_MS;
  const agent = new Agent({ connections: options.connections ?? 64, keepAliveTimeout: 10_000 });
  const lean = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
    if (url === null || (init.body != null && typeof init.body !== 'string')) {
      const signal = withDeadline(init.signal ?? (input instanceof Request ? input.signal : undefined), timeoutMs);
      return fetch(input, { ...init, signal });
    }
    const res = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: plainHeaders(init.headers),
      body: init.body ?? null,
      signal: init.signal ?? undefined,
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const bytes = new Uint8Array(await res.body.arrayBuffer());
    const answer: ResponseInit = { status: res.statusCode, statusText: STATUS_CODES[res.statusCode] ?? '', headers: responseHeaders(res.headers) };
    return new BufferedResponse(NULL_BODY.has(res.statusCode) ? null : bytes, answer, url);
  };
  return { fetch: lean as typeof fetch, close: () => agent.close() };
}
