/**
 * Closed-loop load: `concurrency` workers, each starting its next request only when the last
 * one is finished (for a Slack command: when its card arrived or its deadline passed). So
 * concurrency is the number of lookups in flight, and throughput = finished / wall time.
 */
import { request, type Dispatcher } from 'undici';
import { signedHeaders } from '../support/signing.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { slashCommandBody } from '../support/payloads.js';

export async function closedLoop<T>(
  concurrency: number,
  total: number,
  one: (i: number) => Promise<T>,
): Promise<{ results: T[]; wallMs: number }> {
  const results = new Array<T>(total);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      results[i] = await one(i);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { results, wallMs: performance.now() - started };
}

export interface SlackTarget {
  readonly eventsUrl: string;
  readonly secret: string;
  readonly slack: FakeSlack;
  readonly dispatcher: Dispatcher;
  /** No card within this long after sending = lost. */
  readonly deadlineMs: number;
}

export interface CommandSample {
  /** HTTP status of the ack (0: no answer at all). */
  readonly status: number;
  readonly ackMs: number;
  /** Request sent → first post at its response_url; null when lost. */
  readonly e2eMs: number | null;
  /** The posted body, when one came. */
  readonly card: string | null;
}

/** One signed `/coupon` from `user`, with a response_url unique to `id`. */
export async function sendCommand(t: SlackTarget, id: string, user: string, text: string): Promise<CommandSample> {
  const body = slashCommandBody({ text, user, channel: 'C0BENCH', responseUrl: t.slack.responseUrl(id), triggerId: `trigger-${id}` });
  const headers = signedHeaders(t.secret, body, 'application/x-www-form-urlencoded');
  const card = t.slack.awaitPost(id, t.deadlineMs);
  const started = performance.now();
  let status = 0;
  let ackMs = Number.NaN;
  try {
    const res = await request(t.eventsUrl, { method: 'POST', body, headers, dispatcher: t.dispatcher });
    await res.body.dump();
    status = res.statusCode;
    ackMs = performance.now() - started;
  } catch {
    // status 0: counted as a failed ack; the card may still never come.
  }
  const arrival = await card;
  return { status, ackMs, e2eMs: arrival ? arrival.at - started : null, card: arrival?.body ?? null };
}

const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

/** One POST of `form` straight to the vendor URL; ms until the whole answer was read, or null on a non-200. */
export async function rawVendor(url: string, form: string, dispatcher: Dispatcher): Promise<number | null> {
  const started = performance.now();
  const res = await request(url, { method: 'POST', headers: FORM_HEADERS, body: form, dispatcher });
  await res.body.arrayBuffer();
  return res.statusCode === 200 ? performance.now() - started : null;
}
