/** Minimal vendor answers for lookup-service tests that script the Coufun client themselves. */
import type { CoufunRequest, CoufunResult, Order } from '../../src/coufun/types.js';

/** An unused exchange voucher for `barcode`, with nothing else known. */
export function order(barcode: string): Order {
  return {
    couponType: { kind: 'exchange', raw: 'BARCODE' },
    status: { kind: 'unused', raw: '000' },
    barcode,
    receiverMobile: null,
    orderDate: null,
    validEndDate: null,
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: null,
    remainAmount: null,
    expired: false,
    raw: { BARCODE_NUM: barcode },
  };
}

/** Coufun's answer `00` with that one order. */
export const success = (req: CoufunRequest): CoufunResult => ({ ok: true, code: '00', message: 'SUCCESS', orders: [order(req.barcode)] });
