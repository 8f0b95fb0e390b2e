/**
 * The sandbox's seeds: every barcode it knows, what each one shows, and where the `SIM…`
 * synthetic coupons come in. `SANDBOX_SEEDS` feeds `npm run sandbox -- --list` and the README.
 */
import { COUPON_SCENARIOS } from './coupon-seeds.js';
import { FAULT_SCENARIOS, VENDOR_ERROR_SCENARIOS } from './error-seeds.js';
import type { Scenario } from './scenario.js';
import { SYNTHETIC_BARCODE, syntheticScenario } from './synthetic.js';

/** One seeded barcode and what it demonstrates. */
export interface SandboxSeed {
  /** The GOODS_ID to send with it; any other gives vendor code 31. */
  readonly goodsId: string;
  readonly barcode: string;
  /** Short Korean label, e.g. '금액권 · 일부 사용'. */
  readonly label: string;
  /** One English sentence for `--list` and the README. */
  readonly demonstrates: string;
  readonly group: 'coupon' | 'vendor-error' | 'fault';
}

const SCENARIOS: readonly Scenario[] = [
  ...COUPON_SCENARIOS,
  syntheticScenario('SIM00000001'),
  ...VENDOR_ERROR_SCENARIOS,
  ...FAULT_SCENARIOS,
];

const BY_BARCODE: ReadonlyMap<string, Scenario> = new Map(SCENARIOS.map((s) => [s.barcode, s]));

/** Every seed, coupons first, then vendor errors, then faults. */
export const SANDBOX_SEEDS: readonly SandboxSeed[] = Object.freeze(
  SCENARIOS.map(({ goodsId, barcode, label, demonstrates, group }) => Object.freeze({ goodsId, barcode, label, demonstrates, group })),
);

/** The scenario answering `barcode` (exact seed, else synthetic `SIM…`), or undefined (code 16). */
export function findScenario(barcode: string): Scenario | undefined {
  return BY_BARCODE.get(barcode) ?? (SYNTHETIC_BARCODE.test(barcode) ? syntheticScenario(barcode) : undefined);
}
