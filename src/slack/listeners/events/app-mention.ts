/**
 * `@coupon-bot <goods> <number>` in a channel or thread (Events API, HTTP or Socket Mode). Bolt
 * has acked the event before the middleware ran; bots, repeated deliveries and channels that are
 * not permitted were stopped there. Here, as tracked background work: read the text like a
 * complaint, then either post the card in the mention's thread (rate limit first, the same
 * delivery and 새로고침 as shortcut cards) or a short threaded reply saying what was missing.
 * Private notices (rate limit, fallbacks, failures) go to the person with `chat.postEphemeral`.
 */
import type { webApi } from '@slack/bolt';
import type { BotDeps } from '../../deps/bot-deps.js';
import { messageText } from '../../input/message-text.js';
import { internalErrorNotice, sendPrivately } from '../../delivery/reply.js';
import { ephemeralResponder } from '../../delivery/ephemeral.js';
import { replyInThread, type ThreadTarget } from '../../lookup/thread-reply.js';
import { postInThread } from '../../delivery/thread-post.js';
import { admit } from '../../lookup/rate-limit.js';
import { renderMentionReply, type MentionProblem } from '../../render/mention.js';
import { readMention } from './mention-request.js';
import type { EventListener } from '../types.js';

/** Answer one `app_mention`: returns at once, the work runs tracked in the background. */
export const answerMention: EventListener<'app_mention'> = async (deps, { event, client }, entry) => {
  // Bot-written events never get here: `ignoreBotEvents` runs before every listener (app.ts).
  const userId = event.user;
  if (!userId) {
    // Not a person (and not a bot either, or the middleware would have said): nobody to answer.
    deps.logger.event('debug', 'mention_without_user', { channel: event.channel });
    return;
  }
  const channelId = event.channel;
  const threadTs = event.thread_ts ?? event.ts;
  const ctx = { entry, channel: channelId, user: userId };
  const privately = ephemeralResponder(client, { channelId, userId, threadTs });
  const target: ThreadTarget = { channelId, threadTs, userId, respond: privately };

  deps.work.run(
    ctx,
    async () => {
      const request = readMention(messageText(event), deps.catalog);
      if (request.kind === 'ask') {
        await askInThread(deps, client, target, request.problem, ctx);
        return;
      }
      if (!(await admit(deps, privately, { userId, cost: request.barcodes.length, context: ctx }))) return;
      const { goods, barcodes } = request;
      await replyInThread(deps, client, target, { entry, goods: { goodsId: goods.id, name: goods.name }, barcodes });
    },
    internalErrorNotice(deps, userId, privately),
  );
};

/** The short "what was missing, how to ask" reply, in the thread; privately if the thread refuses it. */
async function askInThread(
  deps: BotDeps,
  client: webApi.WebClient,
  target: ThreadTarget,
  problem: MentionProblem,
  ctx: Record<string, unknown>,
): Promise<void> {
  deps.logger.event('info', 'mention_unanswerable', { ...ctx, problem: problem.kind });
  const locale = await deps.locales.localeOf(target.userId);
  const reply = renderMentionReply({ problem, locale, requesterId: target.userId, catalog: deps.catalog });
  const posted = await postInThread(client, { channel: target.channelId, thread_ts: target.threadTs, ...reply });
  if (posted.ok) return;
  deps.logger.event('warn', 'thread_post_failed', { ...ctx, reason: posted.reason, detail: posted.detail });
  await sendPrivately(target.respond, [reply], deps.logger, ctx);
}
