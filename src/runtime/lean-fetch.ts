/**
 * A `fetch` for Bolt's `respond()` and the Slack Web API client, over `undici.request` with a
 * keep-alive pool. The benchmark showed Node's built-in fetch costing 4–5× the CPU of
 * `undici.request` per call, which made Slack I/O the bot's biggest cost under load; it also
 * gives every Slack call a deadline (Bolt's `respond()` has none of its own).
 *
 * String bodies (all these two callers send) go over the pool; the answer is buffered and
 * handed back as a real `Response` (real `Headers`, `url` kept) that reads the buffered bytes
 * without building a stream unless asked for one. Anything else (multipart uploads, streams, a
 * `Request`) goes to the real `fetch`, under the same deadline.
 */
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { deadlineSignal } from '../time/deadline.js';

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

const utf8 = new TextDecoder();

/**
 * A real `Response` (a subclass, with real `Headers`) over bytes already read. Its `text()`,
 * `json()` and `arrayBuffer()` read those bytes directly, once, as the standard ones read a
 * stream; the stream itself is built only if someone asks for `body`, and from then on the
 * standard body machinery answers. `clone()` is another one over the same bytes. Building a
 * stream-backed Response, and teeing it for the metrics wrapper's clone, cost several times the
 * CPU of the rest of a Slack call (measured by `npm run bench`).
 */
class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #url: string;
  #used = false;
  /** The standard Response that takes over once the stream is asked for. */
  #streamed: Response | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    if (this.#streamed === undefined) {
      this.#streamed = new Response(this.#bytes);
      // Already read through text() and friends: the stream is as used as the body is.
      if (this.#used) void this.#streamed.arrayBuffer();
    }
    return this.#streamed.body;
  }

  override get bodyUsed(): boolean {
    return this.#streamed ? this.#streamed.bodyUsed : this.#used;
  }

  /** The bytes, marking the body used; rejects (as the standard methods do) when it already is. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  override async text(): Promise<string> {
    if (this.#streamed) return this.#streamed.text();
    return utf8.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed) return this.#streamed.arrayBuffer();
    return this.#take().slice().buffer;
  }

  override async blob(): Promise<Blob> {
    if (this.#streamed) return this.#streamed.blob();
    return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    if (this.#streamed === undefined && this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    void this.body;
    return (this.#streamed ?? new Response(null)).formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.#url);
  }
}

export function createLeanFetch(options: { readonly timeoutMs?: number; readonly connections?: number } = {}): LeanFetch {
  const timeoutMs = options.timeoutMs ?? SLACK_TIMEOUT_MS;
  const agent = new Agent({ connections: options.connections ?? 64, keepAliveTimeout: 10_000 });
  const lean = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
    if (url === null || (init.body != null && typeof init.body !== 'string')) {
      const signal = deadlineSignal(timeoutMs, init.signal ?? (input instanceof Request ? input.signal : undefined));
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
    const answer: ResponseInit = {
      status: res.statusCode,
      statusText: STATUS_CODES[res.statusCode] ?? '',
      headers: responseHeaders(res.headers),
    };
    return new BufferedResponse(NULL_BODY.has(res.statusCode) ? null : bytes, answer, url);
  };
  return { fetch: lean as typeof fetch, close: () => agent.close() };
}
