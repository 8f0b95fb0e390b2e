/**
 * The card's buttons. 새로고침 looks every coupon up again bypassing the cache; 다시 시도
 * repeats the request through the cache (only failures, which are never cached, reach the
 * vendor again); both replace the card. 채널에 공유 posts the card to the channel, noting who
 * shared it.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { BotDeps } from '../../deps/bot-deps.js';
import type { EntryName } from '../../entry-points/registry.js';
import { lookupAll } from '../../lookup/flow.js';
import { decodeButtonValue, renderLookupMessage } from '../../render/index.js';
import { internalErrorNotice, respondNotice, safeRespond, type Responder } from '../../delivery/reply.js';
import { admit } from '../../lookup/rate-limit.js';
import type { Listener } from '../types.js';

/** One listener for the three buttons; `entry` (`share`, `refresh`, `retry`) says which was pressed. */
export const answerCardButton: Listener<'action'> = async (deps, { ack, body, action, respond }, entry) => {
  await ack();
  deps.work.run(
    { entry, user: body.user.id },
    () => answerButton(deps, body, action, entry, respond),
    internalErrorNotice(deps, body.user.id, respond),
  );
};

async function answerButton(deps: BotDeps, body: BlockAction, action: ButtonAction, entry: EntryName, respond: Responder): Promise<void> {
  const userId = body.user.id;
  const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
  const context = { entry, channel: channelId, user: userId };
  const localeP = deps.locales.localeOf(userId);
  // A thread card's button carries a reference (it is readable by the whole channel).
  const carried = decodeButtonValue(action.value ?? '');
  const ref = carried && 'ref' in carried ? carried.ref : null;
  const value = carried && 'ref' in carried ? await deps.buttonRefs.get(carried.ref) : carried;
  if (!value) {
    await respondNotice(respond, { kind: 'expired_action' }, await localeP, deps.logger, context, { replace_original: false });
    return;
  }
  if (!(await admit(deps, respond, { userId, cost: value.barcodes.length, context, locale: localeP, extra: { replace_original: false } })))
    return;
  const goodsName = deps.catalog.nameOf(value.goodsId);
  const [locale, outcomes] = await Promise.all([
    localeP,
    lookupAll(deps, { userId, channelId, entry, goods: { goodsId: value.goodsId }, barcodes: value.barcodes, fresh: entry === 'refresh' }),
  ]);
  const base = { locale, nowMs: deps.clock(), requesterId: userId, ...(goodsName ? { goodsName } : {}) };
  if (entry === 'share') {
    const message = renderLookupMessage(outcomes, { ...base, mode: 'shared', sharedBy: userId });
    await safeRespond(respond, { response_type: 'in_channel', replace_original: false, ...message }, deps.logger, context);
    return;
  }
  // A card the shortcut posted in a thread stays a thread card; an ephemeral one stays private.
  const mode = body.container?.is_ephemeral === false ? 'thread' : 'private';
  const message = renderLookupMessage(outcomes, {
    ...base,
    mode,
    ...(mode === 'thread' ? { buttonRef: ref ?? (await deps.buttonRefs.put(value)) } : {}),
  });
  await safeRespond(respond, { replace_original: true, ...message }, deps.logger, context);
}
