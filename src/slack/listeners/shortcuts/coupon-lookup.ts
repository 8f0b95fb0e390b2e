/**
 * Message shortcut on a complaint: find goods and barcodes in the message. Both found → ack,
 * look up, answer in the message's thread. Missing or ambiguous → open a prefilled modal at
 * once (the trigger_id lives 3 s). A rate-limited user gets no modal and no vendor call.
 */
import type { Locale } from '../../../display/index.js';
import type { BotDeps } from '../../deps/bot-deps.js';
import { extract } from '../../input/extract.js';
import { messageText } from '../../input/message-text.js';
import { encodeModalMetadata } from '../../input/metadata.js';
import { renderLookupModal } from '../../render/index.js';
import { internalErrorNotice, respondNotice, type Responder } from '../../delivery/reply.js';
import { admit } from '../../lookup/rate-limit.js';
import { replyInThread } from '../../lookup/thread-reply.js';
import { errorFields } from '../../../log/logger.js';
import { withDeadline } from '../../../time/deadline.js';
import type { Listener } from '../types.js';

/** How long the modal path may wait for a user's locale before falling back to Korean. */
const LOCALE_WAIT_MS = 400;

/** The message shortcut: a direct lookup in the thread, or the form when something is missing. */
export const answerShortcut: Listener<'message_shortcut'> = async (deps, { shortcut, ack, client, respond }, entry) => {
  await ack();
  const userId = shortcut.user.id;
  const channelId = shortcut.channel.id;
  const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
  const context = { entry, channel: channelId, user: userId };
  const found = extract(messageText(shortcut.message), deps.catalog);

  const [goods] = found.goods;
  const direct = goods !== undefined && found.goods.length === 1 && found.barcodes.length > 0;
  // The direct path looks up now and is charged now; the form path is only checked (the person
  // may trim the list there) and is charged on submit.
  if (
    !(await admit(deps, respond, direct ? { userId, cost: found.barcodes.length, context } : { userId, cost: 1, checkOnly: true, context }))
  )
    return;

  if (direct) {
    const target = { channelId, threadTs, userId, respond };
    deps.work.run(
      context,
      () => replyInThread(deps, client, target, { entry, goods: { goodsId: goods.id, name: goods.name }, barcodes: found.barcodes }),
      internalErrorNotice(deps, userId, respond),
    );
    return;
  }

  const locale =
    deps.locales.peek(userId) ?? (await withDeadline(deps.locales.localeOf(userId), LOCALE_WAIT_MS).catch(() => 'ko' as const));
  const view = renderLookupModal({
    locale,
    catalog: deps.catalog,
    barcodes: found.barcodes,
    goods: found.goods,
    privateMetadata: encodeModalMetadata({ channelId, threadTs, responseUrl: shortcut.response_url }),
    ...(found.barcodes.length === 0 ? { hint: { kind: 'nothing_found' } as const } : {}),
  });
  try {
    await client.views.open({ trigger_id: shortcut.trigger_id, view });
  } catch (e) {
    deps.logger.event('warn', 'modal_open_failed', { ...context, ...errorFields(e) });
    await tellModalFailed(deps, respond, locale, context);
  }
};

async function tellModalFailed(deps: BotDeps, respond: Responder, locale: Locale, context: Record<string, unknown>): Promise<void> {
  const ref = `modal-${deps.clock().toString(36)}`;
  await respondNotice(respond, { kind: 'internal_error', ref }, locale, deps.logger, { ...context, ref });
}
