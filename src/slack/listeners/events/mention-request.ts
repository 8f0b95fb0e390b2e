/**
 * A mention's text → what to do: look up (one catalog product, 1–5 coupon numbers) or ask for
 * what is missing. Read like a complaint, with the shortcut's extractor and rules: goods by
 * catalog ID or name, phone numbers, dates and amounts left alone, every `<@U…>` mention removed
 * first. Pure.
 */
import type { Catalog, GoodsEntry } from '../../../config/catalog.js';
import { MAX_BARCODES } from '../../../config/limits.js';
import { extract } from '../../input/extract.js';
import type { MentionProblem } from '../../render/mention.js';

export type MentionRequest =
  | { readonly kind: 'lookup'; readonly goods: GoodsEntry; readonly barcodes: readonly string[] }
  | { readonly kind: 'ask'; readonly problem: MentionProblem };

/** Decide from the mention's readable text (`messageText` of the event). */
export function readMention(text: string, catalog: Catalog): MentionRequest {
  const found = extract(text, catalog);
  const given = found.barcodes.length + (found.more ?? 0);
  const [goods, ...others] = found.goods;
  if (given === 0) return { kind: 'ask', problem: { kind: 'missing', barcode: true, goods: goods === undefined } };
  if (given > MAX_BARCODES) return { kind: 'ask', problem: { kind: 'too_many_barcodes', given, max: MAX_BARCODES } };
  if (goods === undefined) return { kind: 'ask', problem: { kind: 'missing', barcode: false, goods: true } };
  if (others.length > 0) return { kind: 'ask', problem: { kind: 'several_goods', names: found.goods.map((g) => g.name) } };
  return { kind: 'lookup', goods, barcodes: found.barcodes };
}
