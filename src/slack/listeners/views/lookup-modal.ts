/**
 * Submission of the shortcut's modal: validate with the protocol's own rules and show problems
 * inline (`response_action: errors`); on success close the modal and answer in the thread.
 * The channel was re-checked by the gate (from `private_metadata`) before this runs.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { resolveGoods } from '../../../catalog.js';
import { validateField } from '../../../coufun/codec.js';
import { MAX_BARCODES } from '../../command-text.js';
import type { BotDeps } from '../../deps.js';
import { decodeModalMetadata } from '../../metadata.js';
import { MODAL_IDS, noticePlainText, renderNoticeModal } from '../../render/index.js';
import { replyInThread } from '../../thread-reply.js';
import { respondTo } from '../../respond-url.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export async function answerModal(deps: BotDeps, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const locale = deps.locales.peek(userId) ?? 'ko';
  const meta = decodeModalMetadata(view.private_metadata);
  if (!meta) {
    await ack({ response_action: 'update', view: renderNoticeModal({ kind: 'expired_action' }, locale) });
    return;
  }
  const values = view.state.values;
  const goodsState = values[MODAL_IDS.goodsBlock]?.[MODAL_IDS.goodsAction];
  const goodsInput = (goodsState?.selected_option?.value ?? goodsState?.value ?? '').trim();
  const barcodesInput = values[MODAL_IDS.barcodesBlock]?.[MODAL_IDS.barcodesAction]?.value ?? '';
  // One coupon per line (or comma); spaces and hyphens inside a line are the printed grouping
  // (`0123-4567-8901`, `0123 4567 8901`), not separators.
  const barcodes = [...new Set(barcodesInput.split(/[\r\n,]+/).map((s) => s.replace(/[\s\-\u2010-\u2015]/g, '')).filter(Boolean))];

  const errors: Record<string, string> = {};
  const goods = resolveGoods(deps.catalog, goodsInput);
  const goodsProblem = validateField('GOODS_ID', goods.goodsId);
  if (goodsProblem) errors[MODAL_IDS.goodsBlock] = noticePlainText({ kind: 'invalid_input', error: goodsProblem }, locale);
  const barcodeError = checkBarcodes(barcodes, locale);
  if (barcodeError) errors[MODAL_IDS.barcodesBlock] = barcodeError;
  // Charge the rate limit only for a submission that will really be looked up: correcting a
  // form must not use up someone's quota.
  if (Object.keys(errors).length === 0) {
    const rate = deps.limiter.take(userId, barcodes.length);
    if (!rate.ok) errors[MODAL_IDS.barcodesBlock] = noticePlainText({ kind: 'rate_limited', retryAtMs: rate.retryAtMs, nowMs: deps.clock() }, locale);
  }
  if (Object.keys(errors).length > 0) {
    await ack({ response_action: 'errors', errors });
    return;
  }
  await ack();
  const context = { entry: 'modal', channel: meta.channelId, user: userId };
  const responseUrl = meta.responseUrl;
  const target = {
    channelId: meta.channelId,
    threadTs: meta.threadTs,
    userId,
    respond: responseUrl ? (m: Record<string, unknown>) => respondTo(responseUrl, m) : undefined,
  };
  deps.work.run(context, () =>
    replyInThread(deps, client, target, { entry: 'modal', goods: { goodsId: goods.goodsId, ...(goods.name ? { name: goods.name } : {}) }, barcodes }),
  );
}

/** One inline message for the barcodes field, or null when every barcode is acceptable. */
function checkBarcodes(barcodes: readonly string[], locale: 'ko' | 'en'): string | null {
  if (barcodes.length === 0) return noticePlainText({ kind: 'missing_barcode', command: '' }, locale);
  if (barcodes.length > MAX_BARCODES) return noticePlainText({ kind: 'too_many_barcodes', given: barcodes.length, max: MAX_BARCODES }, locale);
  for (const [i, barcode] of barcodes.entries()) {
    const problem = validateField('BARCODE_NUM', barcode);
    if (problem) return noticePlainText({ kind: 'invalid_input', error: problem, position: i + 1 }, locale);
  }
  return null;
}
