/**
 * The Coufun HTTP client: the only code that talks to the vendor. Validates, POSTs the form,
 * reads the body under a byte cap and hands it to the pure codec. One deadline covers every
 * attempt; only failures that are safe and may be transient are retried, and only when the retry
 * has time to answer before the deadline.
 */
import { request, type Dispatcher } from 'undici';
import { systemClock, type Clock } from '../time/clock.js';
import { sleep as pause } from '../time/sleep.js';
import { discardBody, readCappedBody } from './body.js';
import { resultCodeInfo } from './codes.js';
import { encodeRequest, parseResponse } from './codec.js';
import { createDefaultDispatcher, type ProxyEnv } from './dispatcher.js';
import { CoufunError, HttpStatusError, NetworkError, TimeoutError } from './errors.js';
import { MAX_RETRIES, nextRetryDelay } from './retry.js';
import { classifyTransportError } from './transport-errors.js';
import type { CoufunRequest, CoufunResult } from './types.js';

export interface CoufunClientOptions {
  /** Endpoint, e.g. `https://tcorp.coufun.kr:446/b2c_api/coufunPartAmountStatus.do`. */
  readonly url: string;
  /** Overall deadline per query, retries included (COUFUN_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Body size cap; default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Retries after the first attempt; default and maximum 2 (code 50 gets at most 1). */
  readonly maxRetries?: number;
  /** Injected dispatcher (not closed by `close()`); default: an owned keep-alive pool, proxied when `env` names a proxy. */
  readonly dispatcher?: Dispatcher;
  /** Where HTTP(S)_PROXY / NO_PROXY are read for the default dispatcher; default `process.env`. */
  readonly env?: ProxyEnv;
  /** Decides coupon expiry in parsed answers. The deadline itself runs on real timers. */
  readonly clock?: Clock;
  /** Backoff jitter source in [0, 1). */
  readonly random?: () => number;
  /** Pause between attempts; must reject when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface CoufunClient {
  /**
   * Validates (throws `ValidationError` before any I/O), POSTs, parses. Vendor failures come back
   * as `{ ok: false }` results; transport problems throw typed `CoufunError`s. Aborting
   * `options.signal` rejects with the signal's reason.
   */
  query(req: CoufunRequest, options?: QueryOptions): Promise<CoufunResult>;
  /** Closes the owned dispatcher; waits for requests in flight unless `force`. */
  close(options?: { readonly force?: boolean }): Promise<void>;
}

/** Per-query options. */
export interface QueryOptions {
  readonly signal?: AbortSignal;
  /** Fewer retries than the client's own for this query (0: one attempt, the caller retries). */
  readonly maxRetries?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

const HEADERS = {
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'text/xml, application/xml',
};

/** One attempt's failure, already typed, with whether another attempt may help. */
type AttemptFailure = { readonly error: CoufunError; readonly retry: boolean };

/** An attempt worth retrying: a code 50 answer, or a transient transport failure. */
type Failed =
  | { readonly cause: 'maintenance'; readonly result: CoufunResult }
  | { readonly cause: 'transport'; readonly error: CoufunError };

/** What the caller gets for a failure that is not retried (any more). */
function report(failed: Failed): CoufunResult {
  if (failed.cause === 'maintenance') return failed.result;
  throw failed.error;
}

const UNDICI_TIMER_SLACK_MS = 1000;

/** Build a client. Creating it does no I/O. */
export function createCoufunClient(options: CoufunClientOptions): CoufunClient {
  const { url, timeoutMs } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRetries = Math.min(options.maxRetries ?? MAX_RETRIES, MAX_RETRIES);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => pause(ms, { signal }));
  const owned = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? createDefaultDispatcher(options.env ?? process.env, timeoutMs);

  /** One POST; returns the parsed answer or throws (untyped errors included). */
  async function attempt(form: string, signal: AbortSignal, remainingMs: number): Promise<CoufunResult> {
    const budget = Math.max(1, Math.ceil(remainingMs));
    const { statusCode, headers, body } = await request(url, {
      dispatcher,
      method: 'POST',
      headers: HEADERS,
      body: form,
      signal,
      // The deadline signal is the precise cut-off; undici's own timers tick coarsely (about
      // every 0.5 s) and would fire early, so they only back it up.
      headersTimeout: budget + UNDICI_TIMER_SLACK_MS,
      bodyTimeout: budget + UNDICI_TIMER_SLACK_MS,
    });
    if (statusCode < 200 || statusCode > 299) {
      // A 3xx lands here too: redirects are never followed (the vendor has no reason to send one).
      discardBody(body);
      throw new HttpStatusError(statusCode);
    }
    const bytes = await readCappedBody(body, headers['content-length'], maxBodyBytes);
    const contentType = headers['content-type'];
    return parseResponse(bytes, Array.isArray(contentType) ? contentType[0] : contentType, clock());
  }

  /** Type a thrown value; rethrows what is neither a CoufunError nor a known transport failure. */
  function classify(e: unknown, deadline: AbortSignal, caller: AbortSignal | undefined): AttemptFailure {
    if (caller?.aborted) throw caller.reason;
    if (deadline.aborted) return { error: new TimeoutError(timeoutMs, { cause: e }), retry: false };
    if (e instanceof HttpStatusError) return { error: e, retry: e.status >= 500 };
    if (e instanceof CoufunError) return { error: e, retry: false };
    const failure = classifyTransportError(e);
    if (failure === null) throw e;
    if (failure.kind === 'timeout') return { error: new TimeoutError(timeoutMs, { cause: e }), retry: false };
    return { error: new NetworkError(failure.reason, { cause: e, retryable: failure.retry }), retry: failure.retry };
  }

  async function query(req: CoufunRequest, opts: QueryOptions = {}): Promise<CoufunResult> {
    // Validates too: a ValidationError is thrown here, before any I/O.
    const form = encodeRequest(req);
    const started = performance.now();
    const remaining = (): number => timeoutMs - (performance.now() - started);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new TimeoutError(timeoutMs)), timeoutMs);
    const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
    const made = { total: 0, maintenance: 0 };
    // The failure that led to the retry under way: if the deadline cuts the retry short, this is
    // what is reported, since a TimeoutError would hide the vendor's real answer.
    let previous: Failed | null = null;
    try {
      for (;;) {
        const attemptStarted = performance.now();
        let failed: Failed;
        try {
          const result = await attempt(form, signal, remaining());
          if (result.ok || !resultCodeInfo(result.code).retryable) return result;
          failed = { cause: 'maintenance', result };
        } catch (e) {
          const failure = classify(e, deadline.signal, opts.signal);
          if (previous && failure.error instanceof TimeoutError) return report(previous);
          if (!failure.retry) throw failure.error;
          failed = { cause: 'transport', error: failure.error };
        }
        const budget = {
          maxRetries: Math.min(maxRetries, opts.maxRetries ?? maxRetries),
          remainingMs: remaining(),
          lastAttemptMs: performance.now() - attemptStarted,
        };
        const pause = nextRetryDelay(failed.cause, made, budget, random);
        if (pause === null) return report(failed);
        previous = failed;
        try {
          await sleep(pause, signal);
        } catch (e) {
          const failure = classify(e, deadline.signal, opts.signal);
          if (failure.error instanceof TimeoutError) return report(failed);
          throw failure.error;
        }
        made.total++;
        if (failed.cause === 'maintenance') made.maintenance++;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    query,
    async close(options) {
      if (!owned) return;
      // `force` (a shutdown whose grace period ran out) aborts requests still waiting on Coufun.
      if (options?.force) await dispatcher.destroy();
      else await dispatcher.close();
    },
  };
}
