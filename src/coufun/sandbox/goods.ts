/** The products the sandbox sells (each seed belongs to one of them, by GOODS_ID) and the client ID it accepts. */

/** POC_ID the built-in sandbox accepts when none is configured. */
export const SANDBOX_POC_ID = 'SANDBOX';

/** GOODS_IDs by what they are, for the seed tables. */
export const GOODS = {
  americano: '0000133518',
  baemin10k: '0000999999',
  cu5k: '0000250117',
  kyochon: '0000412290',
  tomyum: '0000777001',
} as const;

/** Every product the sandbox knows; a synthetic `SIM…` barcode accepts any of these IDs. */
export const SANDBOX_GOODS: readonly { readonly id: string; readonly name: string }[] = Object.freeze([
  { id: GOODS.americano, name: '스타벅스 아메리카노 T' },
  { id: GOODS.baemin10k, name: '배민 상품권 1만원' },
  { id: GOODS.cu5k, name: 'CU 모바일상품권 5천원' },
  { id: GOODS.kyochon, name: '교촌 허니콤보 + 콜라 1.25L' },
  { id: GOODS.tomyum, name: '똠양꿍 밀키트 교환권' },
]);

/** True when `id` is one of the sandbox's products. */
export function isSandboxGoods(id: string): boolean {
  return SANDBOX_GOODS.some((g) => g.id === id);
}
