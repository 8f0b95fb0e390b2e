/**
 * `POST /slack/events` in HTTP mode: everything a request must pass before Bolt sees it, in the
 * order that keeps bad traffic cheap:
 * 1. announced size (413) and signature headers dated within ±5 minutes (401), before reading
 *    a byte of the body; unsigned or forged traffic gets one throttled warning, not a line each;
 * 2. the body, within a size limit, a deadline and a shared byte budget (413 / 408 / 503);
 * 3. the HMAC over the exact bytes (401);
 * 4. replay: an identical signed request (same signature) is answered once, through the shared
 *    store so it holds across replicas; a repeat gets an empty 200;
 * 5. the payload's shape (400 for `payload=null`, not JSON, no type), which Bolt does not check.
 * Then Bolt's receiver gets the already-buffered request (it does not read or verify it again).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Clock } from '../time/clock.js';
import { withDeadline } from '../time/deadline.js';
import { errorFields, type Logger } from '../log/logger.js';
import type { KeyValueStore } from '../stores/types.js';
import { readBody } from '../http/body.js';
import { ByteBudget } from './byte-budget.js';
import type { HttpLimits } from './http-limits.js';
import { checkPayloadShape } from './payload-shape.js';
import { SIGNATURE_WINDOW_MS, checkSignatureHeaders, signatureMatches } from './slack-signature.js';
import { ThrottledWarn } from './throttled-warn.js';

/** How long a replay check may wait for the shared store before the request goes on unchecked. */
export const REPLAY_CHECK_TIMEOUT_MS = 1_000;
/** Replicas' clocks differ a little: keep a seen signature this much past its window. */
const REPLAY_MARGIN_MS = 60_000;

export interface SlackEventsOptions {
  readonly receiver: HTTPReceiver;
  readonly signingSecret: string;
  /** Shared across replicas: where seen signatures are remembered. */
  readonly store: KeyValueStore;
  /** Real time for the signature window (Slack's clock, not a test's business clock). */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly limits: HttpLimits;
}

/** Answer with no body and close the connection (the rest of an unread body is not wanted). */
function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: 'close', 'content-length': '0', 'cache-control': 'no-store', ...headers });
  res.end();
}

/** How long a refused upload is still read (and dropped) after the answer, at most. */
const LINGER_MS = 1_000;

/**
 * Close after a 413 without losing it: a socket closed with unread input makes the kernel reset
 * the connection, and a client still sending may then never read the answer. So Node's close
 * after the response becomes a half-close (our side only), and the rest of the upload is read
 * and dropped (nothing kept) until the client closes, or LINGER_MS at most.
 */
function lingeringClose(req: IncomingMessage): void {
  const { socket } = req;
  socket.destroySoon = function (this: typeof socket) {
    this.end();
  };
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.once('end', () => socket.destroy());
  req.resume();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** The store key of a signature: a hash, so no signature is stored (or shown) in clear. */
export function replayKey(signature: string): string {
  return `replay:${createHash('sha256').update(signature).digest('hex')}`;
}

/** The request listener for `POST /slack/events`: the checks above, then Bolt. Never rejects. */
export function slackEventsHandler(options: SlackEventsOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { limits, logger, clock } = options;
  const budget = new ByteBudget(limits.bufferedBytes);
  const unsigned = new ThrottledWarn(logger, 'request_refused', clock);
  const malformed = new ThrottledWarn(logger, 'malformed_request', clock);
  const replayUnavailable = new ThrottledWarn(logger, 'replay_check_unavailable', clock);
  const replayed = new ThrottledWarn(logger, 'replayed_request', clock);
  const busy = new ThrottledWarn(logger, 'busy_receiving', clock);

  /** True when this signature was not seen before (or the store cannot tell: then let it through). */
  const firstTime = async (signature: string, timestampSec: number): Promise<boolean> => {
    const ttlMs = Math.max(1_000, timestampSec * 1000 + SIGNATURE_WINDOW_MS - clock()) + REPLAY_MARGIN_MS;
    try {
      return await withDeadline(options.store.add(replayKey(signature), 1, ttlMs), REPLAY_CHECK_TIMEOUT_MS, 'the store');
    } catch (e) {
      // Availability over replay protection: cards keep coming while the store is down.
      replayUnavailable.note('store_failed', errorFields(e));
      return true;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const announced = header(req, 'content-length');
    const length = announced === undefined ? undefined : Number(announced);
    if (length !== undefined && !(Number.isSafeInteger(length) && length >= 0)) return refuse(res, 400);
    if (length !== undefined && length > limits.bodyBytes) {
      unsigned.note('too_large', { bytes: length });
      return refuse(res, 413);
    }
    const headers = checkSignatureHeaders(
      { signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp') },
      clock(),
    );
    if (!headers.ok) {
      unsigned.note(headers.reason);
      return refuse(res, 401);
    }
    const reserved = length ?? limits.bodyBytes;
    if (!budget.take(reserved)) {
      busy.note('byte_budget', { inUseBytes: budget.inUse });
      return refuse(res, 503, { 'retry-after': '1' });
    }
    let body: Buffer;
    try {
      const read = await readBody(req, { limit: limits.bodyBytes, timeoutMs: limits.bodyTimeoutMs });
      if (!read.ok) {
        unsigned.note(`body_${read.reason}`);
        refuse(res, read.reason === 'too_large' ? 413 : 408);
        if (read.reason === 'too_large') lingeringClose(req);
        // A client stalling mid-body must not keep the socket either.
        else res.once('finish', () => req.socket.destroy());
        if (read.reason === 'aborted') req.socket.destroy();
        return;
      }
      body = read.body;
    } finally {
      budget.give(reserved);
    }
    if (!signatureMatches(options.signingSecret, headers.timestampSec, body, headers.signature)) {
      unsigned.note('mismatch');
      return refuse(res, 401);
    }
    if (!(await firstTime(headers.signature, headers.timestampSec))) {
      replayed.note('same_signature', { retryNum: header(req, 'x-slack-retry-num') });
      res.writeHead(200, { 'content-length': '0' });
      res.end();
      return;
    }
    const shape = checkPayloadShape(header(req, 'content-type'), body);
    if (!shape.ok) {
      malformed.note(shape.reason);
      return refuse(res, 400);
    }
    // Bolt reads `rawBody` instead of the stream when it is already there.
    Object.assign(req, { rawBody: body });
    options.receiver.requestListener(req, res);
  };

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      logger.event('error', 'http_handler_failed', errorFields(e));
      refuse(res, 500);
    });
  };
}
