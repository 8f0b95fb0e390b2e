/** `/coupon <goods> <barcode> [barcode…]`: ack at once, then look up and answer privately. */
import type { SlashCommand } from '@slack/bolt';
import { parseCouponCommand, type CouponCommand } from '../../../input/command-text.js';
import type { BotDeps } from '../../deps/bot-deps.js';
import type { EntryName } from '../../entry-points/registry.js';
import { lookupAll } from '../../lookup/flow.js';
import { renderLookupMessage, type Notice } from '../../render/index.js';
import { internalErrorNotice, respondNotice, safeRespond, type Responder } from '../../delivery/reply.js';
import { admit } from '../../lookup/rate-limit.js';
import type { Listener } from '../types.js';

/** Ack at once; the lookup and the private answer run as tracked background work. */
export const answerCommand: Listener<'command'> = async (deps, { command, ack, respond }, entry) => {
  await ack();
  deps.work.run(
    { entry, channel: command.channel_id },
    () => lookUpCommand(deps, command, respond, entry),
    internalErrorNotice(deps, command.user_id, respond),
  );
};

async function lookUpCommand(deps: BotDeps, command: SlashCommand, respond: Responder, entry: EntryName): Promise<void> {
  const userId = command.user_id;
  const context = { entry, channel: command.channel_id, user: userId };
  const parsed = parseCouponCommand(command.text ?? '', deps.catalog);

  if (parsed.kind !== 'lookup') {
    const localeP = deps.locales.localeOf(userId);
    const notice = noticeFor(parsed, deps);
    await respondNotice(respond, notice, await localeP, deps.logger, context);
    return;
  }
  // On Redis the lookup's first round trip (cache read + claim) goes out with the rate-limit
  // one instead of after it; a refusal gives the claims back.
  const early = parsed.barcodes.map((barcode) => deps.lookup.prepare?.(parsed.goods.goodsId, barcode));
  let admitted = false;
  try {
    admitted = await admit(deps, respond, { userId, cost: parsed.barcodes.length, context });
  } finally {
    if (!admitted) for (const e of early) e?.cancel();
  }
  if (!admitted) return;
  // The vendor request goes out first; the user's locale is fetched while Coufun thinks.
  const outcomesP = lookupAll(deps, {
    userId,
    channelId: command.channel_id,
    entry,
    goods: parsed.goods,
    barcodes: parsed.barcodes,
    early,
  });
  const [locale, outcomes] = await Promise.all([deps.locales.localeOf(userId), outcomesP]);
  const message = renderLookupMessage(outcomes, {
    locale,
    nowMs: deps.clock(),
    requesterId: userId,
    mode: 'private',
    ...(parsed.goods.name ? { goodsName: parsed.goods.name } : {}),
  });
  await safeRespond(respond, { response_type: 'ephemeral', ...message }, deps.logger, context);
}

function noticeFor(parsed: Exclude<CouponCommand, { kind: 'lookup' }>, deps: BotDeps): Notice {
  switch (parsed.kind) {
    case 'help':
      return { kind: 'help', command: deps.command, catalog: deps.catalog };
    case 'missing_barcode':
      return { kind: 'missing_barcode', command: deps.command };
    case 'too_many_barcodes':
      return { kind: 'too_many_barcodes', given: parsed.given, max: parsed.max };
    case 'invalid':
      return { kind: 'invalid_input', error: parsed.error, ...(parsed.position ? { position: parsed.position } : {}) };
  }
}
