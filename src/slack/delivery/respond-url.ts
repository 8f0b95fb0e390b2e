/**
 * POST a message to a Slack response_url where Bolt offers no `respond` (after a modal). The
 * fetch is the bot's Slack pool (src/runtime/lean-fetch.ts), which also bounds the wait.
 */
import type { ReplyMessage, Responder } from './reply.js';

/** POST `message` to `responseUrl`; rejects on a failed request or an HTTP error status. */
async function respondTo(responseUrl: string, message: ReplyMessage, fetchFn: typeof fetch): Promise<void> {
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}

/** A `Responder` over a response_url kept from an earlier payload (a form's metadata). */
export function responseUrlResponder(responseUrl: string, fetchFn: typeof fetch): Responder {
  return (message) => respondTo(responseUrl, message, fetchFn);
}
