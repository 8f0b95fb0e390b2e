/**
 * Submission of the shortcut's modal: validate with the protocol's own rules and show problems
 * inline (`response_action: errors`); on success close the modal and answer in the thread.
 * The channel was re-checked by the gate (from `private_metadata`) before this runs.
 */
import { resolveGoods } from '../../../config/catalog.js';
import { validateField } from '../../../coufun/validate.js';
import { checkBarcodes, readBarcodeLines, type BarcodeCheck } from '../../../input/command-text.js';
import { decodeModalMetadata } from '../../input/metadata.js';
import { MODAL_IDS, noticePlainText, renderNoticeModal, type Notice } from '../../render/index.js';
import { replyInThread } from '../../lookup/thread-reply.js';
import { internalErrorNotice } from '../../delivery/reply.js';
import { responseUrlResponder } from '../../delivery/respond-url.js';
import { decideRate } from '../../lookup/rate-limit.js';
import type { Listener } from '../types.js';

/** The form's submission: problems inline, else close it and answer in the thread. */
export const answerModal: Listener<'view_submission'> = async (deps, { ack, body, view, client }, entry) => {
  const userId = body.user.id;
  const locale = deps.locales.peek(userId) ?? 'ko';
  const meta = decodeModalMetadata(view.private_metadata);
  if (!meta) {
    await ack({ response_action: 'update', view: renderNoticeModal({ kind: 'expired_action' }, locale) });
    return;
  }
  const values = view.state.values;
  const goodsState = values[MODAL_IDS.goodsBlock]?.[MODAL_IDS.goodsAction];
  const goodsInput = goodsState?.selected_option?.value ?? goodsState?.value ?? '';
  const barcodesInput = values[MODAL_IDS.barcodesBlock]?.[MODAL_IDS.barcodesAction]?.value ?? '';
  const typed = readBarcodeLines(barcodesInput);

  const errors: Record<string, string> = {};
  const goods = resolveGoods(deps.catalog, goodsInput);
  const goodsProblem = validateField('GOODS_ID', goods.goodsId);
  if (goodsProblem) errors[MODAL_IDS.goodsBlock] = noticePlainText({ kind: 'invalid_input', error: goodsProblem }, locale);
  const checked = checkBarcodes(typed);
  const barcodeError = checked.kind === 'ok' ? null : noticePlainText(noticeOf(checked), locale);
  const barcodes = checked.kind === 'ok' ? checked.barcodes : [];
  if (barcodeError) errors[MODAL_IDS.barcodesBlock] = barcodeError;
  // Charge the rate limit only for a submission that will really be looked up: correcting a
  // form must not use up someone's quota.
  if (Object.keys(errors).length === 0) {
    const rate = await decideRate(deps, {
      userId,
      cost: barcodes.length,
      context: { entry, channel: meta.channelId, user: userId },
    });
    if (!rate.ok)
      errors[MODAL_IDS.barcodesBlock] = noticePlainText({ kind: 'rate_limited', retryAtMs: rate.retryAtMs, nowMs: deps.clock() }, locale);
  }
  if (Object.keys(errors).length > 0) {
    await ack({ response_action: 'errors', errors });
    return;
  }
  await ack();
  const context = { entry, channel: meta.channelId, user: userId };
  const send = meta.responseUrl ? responseUrlResponder(meta.responseUrl, deps.http.fetch) : undefined;
  const target = { channelId: meta.channelId, threadTs: meta.threadTs, userId, respond: send };
  deps.work.run(
    context,
    () =>
      replyInThread(deps, client, target, {
        entry,
        goods: { goodsId: goods.goodsId, ...(goods.name ? { name: goods.name } : {}) },
        barcodes,
      }),
    send ? internalErrorNotice(deps, userId, send) : undefined,
  );
};

/** The notice for a barcode list the form cannot accept. */
function noticeOf(checked: Exclude<BarcodeCheck, { kind: 'ok' }>): Notice {
  switch (checked.kind) {
    case 'missing_barcode':
      return { kind: 'missing_barcode' };
    case 'too_many_barcodes':
      return { kind: 'too_many_barcodes', given: checked.given, max: checked.max };
    case 'invalid':
      return { kind: 'invalid_input', error: checked.error, position: checked.position };
  }
}
