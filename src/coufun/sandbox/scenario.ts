/** How a seed answers: the sandbox's internal contract between the seed tables and the server. */
import type { SandboxSeed } from './seeds.js';

/** Transport-level misbehaviour a fault seed acts out (see `faults.ts`). */
export type Fault = 'slow' | 'hang' | 'http500' | 'html200' | 'truncated' | 'oversize' | 'redirect' | 'reset';

/**
 * What the server sends: an XML answer (HTTP 200, EUC-KR), or a fault acted out around the XML
 * a healthy server would have sent (a slow answer sends it late, a truncated one cuts it, …).
 */
export type Reply =
  | { readonly kind: 'xml'; readonly xml: string }
  | { readonly kind: 'fault'; readonly fault: Fault; readonly xml: string };

/** A seed plus its behaviour. */
export interface Scenario extends SandboxSeed {
  /** Accept every sandbox GOODS_ID, not only `goodsId` (synthetic coupons). */
  readonly anyGoods?: boolean;
  /**
   * The reply to a valid request. `nowMs` is the injected clock; `firstHit()` records a hit and
   * is true only for the seed's first one since the last `resetStats` (flaky seeds).
   */
  reply(nowMs: number, firstHit: () => boolean): Reply;
}
