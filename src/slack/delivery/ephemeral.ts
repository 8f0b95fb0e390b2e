/**
 * A private reply where Bolt offers no `respond` (Events API payloads carry no response_url):
 * `chat.postEphemeral` to one person, inside the thread when one is given. It takes the same
 * messages as `respond()`, so notices and the thread fallbacks are shared with the other entry points.
 */
import type { webApi } from '@slack/bolt';
import type { Responder } from './reply.js';

type WebClient = webApi.WebClient;

export interface EphemeralTarget {
  readonly channelId: string;
  readonly userId: string;
  /** Show it in this thread (the mention's), not at the bottom of the channel. */
  readonly threadTs?: string | undefined;
}

/** A `Responder` over `chat.postEphemeral`; it rejects when Slack refuses (callers log through `safeRespond`). */
export function ephemeralResponder(client: Pick<WebClient, 'chat'>, target: EphemeralTarget): Responder {
  return async (message) => {
    const text = message.text !== '' ? message.text : '-';
    // `response_type` / `replace_original` belong to response_url posts and mean nothing here.
    await client.chat.postEphemeral({
      channel: target.channelId,
      user: target.userId,
      text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    });
  };
}
