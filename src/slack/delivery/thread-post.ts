/**
 * `chat.postMessage` into a thread, with the failures a person can act on told apart: the bot
 * is not in the channel (invite it), Slack rate-limits us (retry after Retry-After while the
 * budget allows, then give up), or Slack fails otherwise. Never hangs past the budget.
 */
import type { webApi } from '@slack/bolt';
import { sleep as realSleep } from '../../time/sleep.js';

type WebClient = webApi.WebClient;

export type ThreadPostResult =
  | { readonly ok: true; readonly ts: string | undefined }
  | { readonly ok: false; readonly reason: 'not_in_channel' | 'rate_limited' | 'slack_error'; readonly detail: string };

export interface ThreadPostOptions {
  /** Total time allowed for Retry-After waits (default 10 s). */
  readonly budgetMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export async function postInThread(
  client: Pick<WebClient, 'chat'>,
  message: { channel: string; thread_ts: string; text: string; blocks: unknown[] },
  options: ThreadPostOptions = {},
): Promise<ThreadPostResult> {
  const sleep = options.sleep ?? realSleep;
  let budget = options.budgetMs ?? 10_000;
  for (;;) {
    try {
      const res = await client.chat.postMessage(message as Parameters<WebClient['chat']['postMessage']>[0]);
      return { ok: true, ts: res.ts };
    } catch (e) {
      const err = (e ?? {}) as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
      if (err.code === 'slack_webapi_rate_limited_error') {
        // At least a second per attempt: a `Retry-After: 0` answered forever must still use up the budget.
        const retryAfterS = typeof err.retryAfter === 'number' && Number.isFinite(err.retryAfter) ? err.retryAfter : 1;
        const waitMs = Math.max(1000, retryAfterS * 1000);
        if (waitMs > budget)
          return { ok: false, reason: 'rate_limited', detail: `retry-after ${err.retryAfter ?? '?'} s exceeds the wait budget` };
        budget -= waitMs;
        await sleep(waitMs);
        continue;
      }
      const slackError = err.data?.error;
      if (slackError && NOT_IN_CHANNEL.has(slackError)) return { ok: false, reason: 'not_in_channel', detail: slackError };
      return { ok: false, reason: 'slack_error', detail: slackError ?? err.code ?? err.message ?? 'unknown' };
    }
  }
}
