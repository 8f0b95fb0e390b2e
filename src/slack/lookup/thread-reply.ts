/**
 * Look up and post the card(s) in a message's thread (shortcut, modal and mention paths). When the bot
 * cannot post there, the user is told why, privately, and gets the card privately instead.
 */
import type { webApi } from '@slack/bolt';
import type { GoodsChoice } from '../../input/command-text.js';
import type { BotDeps } from '../deps/bot-deps.js';
import type { EntryName } from '../entry-points/registry.js';
import { lookupAll } from './flow.js';
import { renderLookupMessage, renderNotice } from '../render/index.js';
import { sendPrivately, type Responder } from '../delivery/reply.js';
import { postInThread } from '../delivery/thread-post.js';

export interface ThreadTarget {
  readonly channelId: string;
  readonly threadTs: string;
  readonly userId: string;
  /** Where private fallbacks go (the shortcut's response_url; `chat.postEphemeral` for a mention). */
  readonly respond: Responder | undefined;
}

/** Look the request up and post its card in the target's thread; privately (with the reason) when the thread refuses it. */
export async function replyInThread(
  deps: BotDeps,
  client: webApi.WebClient,
  target: ThreadTarget,
  request: { entry: EntryName; goods: GoodsChoice; barcodes: readonly string[] },
): Promise<void> {
  const context = { entry: request.entry, channel: target.channelId, user: target.userId };
  const [locale, outcomes] = await Promise.all([
    deps.locales.localeOf(target.userId),
    lookupAll(deps, { userId: target.userId, channelId: target.channelId, ...request }),
  ]);
  const base = {
    locale,
    nowMs: deps.clock(),
    requesterId: target.userId,
    ...(request.goods.name ? { goodsName: request.goods.name } : {}),
  };
  const buttonRef = await deps.buttonRefs.put({ goodsId: request.goods.goodsId, barcodes: [...new Set(request.barcodes)] });
  const card = renderLookupMessage(outcomes, { ...base, mode: 'thread', buttonRef });
  const posted = await postInThread(client, { channel: target.channelId, thread_ts: target.threadTs, ...card });
  if (posted.ok) return;

  deps.logger.event('warn', 'thread_post_failed', { ...context, reason: posted.reason, detail: posted.detail });
  const notice =
    posted.reason === 'not_in_channel'
      ? renderNotice({ kind: 'bot_not_in_channel', channelId: target.channelId }, locale)
      : renderNotice({ kind: 'thread_post_failed', reason: posted.reason === 'rate_limited' ? 'rate_limited' : posted.detail }, locale);
  const privateCard = renderLookupMessage(outcomes, { ...base, mode: 'private' });
  await sendPrivately(target.respond, [notice, privateCard], deps.logger, context);
}
