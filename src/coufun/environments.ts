/**
 * What each Coufun environment is, as plain data: the vendor's endpoints from the manual (§2) and
 * the built-in sandbox's client ID and products. Configuration reads it to fill defaults and the
 * simulator reads it to know what it sells; neither imports the other.
 */
import type { CoufunEnv } from './types.js';

/** Vendor endpoints from the manual (§2). Port 446 is the vendor's, not a typo. */
export const COUFUN_URLS: Readonly<Record<Exclude<CoufunEnv, 'sandbox'>, string>> = {
  test: 'https://tcorp.coufun.kr:446/b2c_api/coufunPartAmountStatus.do',
  production: 'https://corp.coufun.kr:446/b2c_api/coufunPartAmountStatus.do',
};

/** POC_ID the built-in sandbox accepts when none is configured. */
export const SANDBOX_POC_ID = 'SANDBOX';

/** The sandbox's GOODS_IDs by what they are (each seed belongs to one of them). */
export const SANDBOX_GOODS_IDS = {
  americano: '0000133518',
  baemin10k: '0000999999',
  cu5k: '0000250117',
  kyochon: '0000412290',
  tomyum: '0000777001',
} as const;

/** Every product the sandbox knows; a synthetic `SIM…` barcode accepts any of these IDs. */
export const SANDBOX_GOODS: readonly { readonly id: string; readonly name: string }[] = Object.freeze([
  { id: SANDBOX_GOODS_IDS.americano, name: '스타벅스 아메리카노 T' },
  { id: SANDBOX_GOODS_IDS.baemin10k, name: '배민 상품권 1만원' },
  { id: SANDBOX_GOODS_IDS.cu5k, name: 'CU 모바일상품권 5천원' },
  { id: SANDBOX_GOODS_IDS.kyochon, name: '교촌 허니콤보 + 콜라 1.25L' },
  { id: SANDBOX_GOODS_IDS.tomyum, name: '똠양꿍 밀키트 교환권' },
]);

/** True when `id` is one of the sandbox's products. */
export function isSandboxGoods(id: string): boolean {
  return SANDBOX_GOODS.some((g) => g.id === id);
}
