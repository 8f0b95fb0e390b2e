/**
 * The one path every Slack entry point takes to the vendor: concurrent lookups of the
 * requested barcodes and one structured audit line per barcode (masked barcode, no phone).
 */
import { InternalError, VendorError } from '../../coufun/errors.js';
import { bugFields } from '../../log/logger.js';
import { maskBarcode } from '../../text/masks.js';
import type { EarlyLookup, LookupOutcome } from '../../lookup/types.js';
import type { GoodsChoice } from '../../input/command-text.js';
import type { BotDeps } from '../deps/bot-deps.js';
import type { EntryName } from '../entry-points/registry.js';

export interface LookupRequest {
  readonly userId: string;
  readonly channelId: string;
  readonly entry: EntryName;
  readonly goods: GoodsChoice;
  readonly barcodes: readonly string[];
  /** Bypass the cache (refresh / retry). */
  readonly fresh?: boolean;
  /** Store round trips already started for these barcodes (`LookupService.prepare`), by index. */
  readonly early?: readonly (EarlyLookup | undefined)[];
}

export async function lookupAll(deps: BotDeps, req: LookupRequest): Promise<LookupOutcome[]> {
  const settled = deps.metrics?.lookupsStarted(req.barcodes.length);
  let outcomes: LookupOutcome[];
  try {
    outcomes = await Promise.all(
      req.barcodes.map((barcode, i) => {
        const early = req.early?.[i];
        return deps.lookup.lookup(req.goods.goodsId, barcode, { fresh: req.fresh ?? false, ...(early ? { early } : {}) });
      }),
    );
  } finally {
    settled?.();
  }
  for (const outcome of outcomes) {
    deps.metrics?.lookupFinished(req.entry, outcome);
    deps.logger.event('info', 'lookup', {
      user: req.userId,
      channel: req.channelId,
      entry: req.entry,
      goods: req.goods.goodsId,
      barcode: maskBarcode(outcome.barcode),
      outcome: outcomeLabel(outcome),
      latencyMs: Math.round(outcome.meta.latencyMs),
      cacheHit: outcome.meta.cacheHit,
      coufunEnv: outcome.meta.env,
      ...(!outcome.ok && outcome.error instanceof InternalError ? { ref: outcome.error.ref } : {}),
    });
    // A bug, not vendor trouble: the engineer needs the stack, found by the card's reference.
    if (!outcome.ok && outcome.error instanceof InternalError) {
      deps.logger.event('error', 'lookup_internal_error', {
        ref: outcome.error.ref,
        entry: req.entry,
        goods: req.goods.goodsId,
        barcode: maskBarcode(outcome.barcode),
        ...bugFields(outcome.error.cause ?? outcome.error),
      });
    }
  }
  return outcomes;
}

/** `unused`, `used,cancelled`, `expired`, `VENDOR:16`, `TIMEOUT`, … */
export function outcomeLabel(outcome: LookupOutcome): string {
  if (!outcome.ok) {
    return outcome.error instanceof VendorError ? `${outcome.error.code}:${outcome.error.vendorCode}` : outcome.error.code;
  }
  return outcome.orders.map((o) => (o.expired ? 'expired' : (o.status?.kind ?? 'none'))).join(',');
}
