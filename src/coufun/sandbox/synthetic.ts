/**
 * Synthetic coupons for benchmarks: any `SIM…` barcode is an unused amount voucher whose face
 * value, phone number and dates derive from the barcode, so repeated runs see the same data.
 */
import { kstCalendar } from './dates.js';
import { SANDBOX_GOODS_IDS as GOODS } from '../environments.js';
import { SUCCESS_MESSAGE } from './messages.js';
import { amountOrder } from './orders.js';
import type { Scenario } from './scenario.js';
import { successXml } from './xml.js';

/** Barcodes the sandbox answers synthetically (with any sandbox GOODS_ID). */
export const SYNTHETIC_BARCODE = /^SIM[0-9A-Za-z]{5,27}$/;

const FACE_VALUES = [5_000, 10_000, 20_000, 30_000, 50_000] as const;

/** FNV-1a, 32 bits: a cheap stable spread of the barcode's characters. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The synthetic scenario for `barcode` (the caller checks `SYNTHETIC_BARCODE`). */
export function syntheticScenario(barcode: string): Scenario {
  return {
    goodsId: GOODS.baemin10k,
    barcode,
    label: '벤치마크용 합성 쿠폰',
    demonstrates:
      'Any barcode matching ^SIM[0-9A-Za-z]{5,27}$, with any sandbox GOODS_ID, is an unused amount voucher whose amounts derive from the barcode (for benchmarks).',
    group: 'coupon',
    anyGoods: true,
    reply: (nowMs) => {
      const h = fnv1a(barcode);
      const total = FACE_VALUES[h % FACE_VALUES.length] ?? 10_000;
      const cal = kstCalendar(nowMs);
      const order = amountOrder(cal, barcode, total, total, {
        ORDER_DATE: cal.day(-1 - (h % 30)),
        VALID_END_DATE: cal.day(30 + (h % 335)),
        RECEIVER_MOBILE: `010${String(h % 100_000_000).padStart(8, '0')}`,
      });
      return { kind: 'xml', xml: successXml(SUCCESS_MESSAGE, [order], 'flat') };
    },
  };
}
