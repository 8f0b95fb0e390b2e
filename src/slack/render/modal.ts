/**
 * The shortcut's modal: goods (a select over the catalog, or a text input without one) and the
 * barcodes found in the message, one per line, for the person to confirm or correct. Pure.
 */
import type { InputBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import type { Catalog, GoodsEntry } from '../../config/catalog.js';
import type { Locale } from '../../display/index.js';
import { MAX_BARCODES } from '../../config/limits.js';
import { entryPoint } from '../entry-points/registry.js';
import { context, escapeMrkdwn, plain } from './blocks.js';
import { LIMITS } from './limits.js';
import { noticeWords } from './notice-strings.js';
import { slackWords } from './strings.js';

export const MODAL_IDS = {
  /** The form's entry point (src/slack/entry-points/registry.ts) names it. */
  callbackId: entryPoint('modal').arrives.callbackId,
  goodsBlock: 'goods',
  goodsAction: 'goods_input',
  barcodesBlock: 'barcodes',
  barcodesAction: 'barcodes_input',
} as const;

export interface LookupModalInput {
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** Barcodes found in the message (prefilled, one per line). */
  readonly barcodes: readonly string[];
  /** Catalog goods named in the message; exactly one is preselected. */
  readonly goods: readonly GoodsEntry[];
  /** Where to answer (channel, thread, response_url), opaque to the modal. */
  readonly privateMetadata: string;
  readonly hint?: { readonly kind: 'nothing_found' };
}

function option(entry: GoodsEntry): PlainTextOption {
  return { text: plain(`${entry.name} (${entry.id})`, LIMITS.optionText), value: entry.id.slice(0, LIMITS.optionValue) };
}

function goodsInput(input: LookupModalInput): InputBlock {
  const words = slackWords(input.locale).modal;
  const [only] = input.goods;
  const preselected = input.goods.length === 1 ? only : undefined;
  const entries = input.catalog.entries;
  const usable = entries.length > 0 && entries.length <= LIMITS.selectOptions;
  const element = usable
    ? {
        type: 'static_select' as const,
        action_id: MODAL_IDS.goodsAction,
        placeholder: plain(words.goodsSelectPlaceholder, LIMITS.placeholder),
        options: entries.map(option),
        ...(preselected ? { initial_option: option(preselected) } : {}),
      }
    : {
        type: 'plain_text_input' as const,
        action_id: MODAL_IDS.goodsAction,
        placeholder: plain(words.goodsInputPlaceholder, LIMITS.placeholder),
        ...(preselected ? { initial_value: preselected.id } : {}),
      };
  return {
    type: 'input',
    block_id: MODAL_IDS.goodsBlock,
    label: plain(words.goodsLabel, LIMITS.inputLabel),
    hint: plain(words.goodsHint, LIMITS.inputHint),
    element,
  };
}

function barcodesInput(input: LookupModalInput): InputBlock {
  const words = slackWords(input.locale).modal;
  const initial = input.barcodes.slice(0, MAX_BARCODES).join('\n');
  return {
    type: 'input',
    block_id: MODAL_IDS.barcodesBlock,
    label: plain(words.barcodesLabel(MAX_BARCODES), LIMITS.inputLabel),
    hint: plain(input.barcodes.length > 0 ? words.barcodesHint : words.barcodesEmptyHint, LIMITS.inputHint),
    element: {
      type: 'plain_text_input',
      action_id: MODAL_IDS.barcodesAction,
      multiline: true,
      placeholder: plain(words.barcodesPlaceholder, LIMITS.placeholder),
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

/** The modal the shortcut opens when it cannot look up at once. */
export function renderLookupModal(input: LookupModalInput): View {
  const words = slackWords(input.locale).modal;
  const notes: string[] = [];
  if (input.hint?.kind === 'nothing_found') notes.push(`:mag: ${noticeWords(input.locale).nothingFound}`);
  if (input.goods.length > 1) notes.push(`:point_right: ${escapeMrkdwn(words.severalGoods(input.goods.map((g) => g.name)))}`);
  const blocks: KnownBlock[] = [...(notes.length > 0 ? [context(notes)] : []), goodsInput(input), barcodesInput(input)];
  return {
    type: 'modal',
    callback_id: MODAL_IDS.callbackId,
    title: plain(words.title, LIMITS.viewTitle),
    submit: plain(words.submit, LIMITS.viewTitle),
    close: plain(words.close, LIMITS.viewTitle),
    private_metadata: input.privateMetadata,
    blocks,
  };
}
