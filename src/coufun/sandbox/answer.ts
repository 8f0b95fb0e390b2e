/**
 * The sandbox's protocol core, pure: a decoded form in, the vendor's reply out. Checks run in
 * the order a caller can fix them: missing field (99), POC_ID (02), barcode (16), GOODS_ID (31).
 */
import { isSandboxGoods } from '../environments.js';
import { missingFieldMessage, VENDOR_MESSAGES } from './messages.js';
import type { Reply } from './scenario.js';
import { findScenario } from './seeds.js';
import { errorXml } from './xml.js';

/** What the core needs besides the form. */
export interface AnswerContext {
  /** The POC_ID the sandbox accepts. */
  readonly pocId: string;
  /** The injected clock's reading for this request. */
  readonly nowMs: number;
  /** Record a hit on `barcode`; true when it is the first since the last reset. */
  firstHit(barcode: string): boolean;
}

const REQUIRED = ['POC_ID', 'GOODS_ID', 'BARCODE_NUM'] as const;

function vendor(code: string, message: string): Reply {
  return { kind: 'xml', xml: errorXml(code, message) };
}

/** The reply to one request's form fields (a missing or empty field counts as missing). */
export function answer(form: URLSearchParams, ctx: AnswerContext): Reply {
  const missing = REQUIRED.find((f) => !form.get(f));
  if (missing) return vendor('99', missingFieldMessage(missing));
  const pocId = form.get('POC_ID') ?? '';
  const goodsId = form.get('GOODS_ID') ?? '';
  const barcode = form.get('BARCODE_NUM') ?? '';
  if (pocId !== ctx.pocId) return vendor('02', VENDOR_MESSAGES['02']);
  const scenario = findScenario(barcode);
  if (!scenario) return vendor('16', VENDOR_MESSAGES['16']);
  const goodsOk = scenario.anyGoods ? isSandboxGoods(goodsId) : goodsId === scenario.goodsId;
  if (!goodsOk) return vendor('31', VENDOR_MESSAGES['31']);
  return scenario.reply(ctx.nowMs, () => ctx.firstHit(barcode));
}
