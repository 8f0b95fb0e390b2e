import type { InputBlock, ModalView, PlainTextInput, StaticSelect, View } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog, type Catalog, type GoodsEntry } from '../../../src/config/catalog.js';
import { MAX_BARCODES } from '../../../src/config/limits.js';
import { LIMITS, MODAL_IDS, renderLookupModal, type LookupModalInput } from '../../../src/slack/render/index.js';
import { checkBlockKit } from '../../support/block-kit.js';
import { barcodeN, strayAngles, visibleTexts } from '../../support/factories.js';

const CATALOG: Catalog = parseCatalog('A1=아메리카노 T;B2=카페라떼;C3=치즈 케이크 & 쿠키').catalog;
const [AMERICANO, LATTE, CAKE] = CATALOG.entries as [GoodsEntry, GoodsEntry, GoodsEntry];
const METADATA = JSON.stringify({ c: 'C0123ABCD', t: '1700000000.000100', r: 'response-url-token-1' });

function input(overrides: Partial<LookupModalInput> = {}): LookupModalInput {
  return { locale: 'ko', catalog: CATALOG, barcodes: [barcodeN(1), barcodeN(2)], goods: [], privateMetadata: METADATA, ...overrides };
}

function inputBlock(view: View, blockId: string): InputBlock {
  const block = view.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === blockId);
  if (!block) throw new Error(`no input block ${blockId}`);
  return block;
}
function asModal(view: View): ModalView {
  if (view.type !== 'modal') throw new Error(`not a modal: ${view.type}`);
  return view;
}
const goodsElement = (view: View): StaticSelect | PlainTextInput =>
  inputBlock(view, MODAL_IDS.goodsBlock).element as StaticSelect | PlainTextInput;
const barcodesElement = (view: View): PlainTextInput => inputBlock(view, MODAL_IDS.barcodesBlock).element as PlainTextInput;
const notes = (view: View): string[] => visibleTexts(view.blocks.filter((b) => b.type === 'context'));

function expectValid(view: View): void {
  expect(checkBlockKit(view)).toEqual([]);
  expect(strayAngles(view.blocks)).toEqual([]);
}

describe('lookup modal: frame', () => {
  it.each(['ko', 'en'] as const)('callback ID, title, submit, close, private metadata (%s)', (locale) => {
    const view = asModal(renderLookupModal(input({ locale })));
    expectValid(view);
    expect(view.callback_id).toBe(MODAL_IDS.callbackId);
    expect(view.private_metadata).toBe(METADATA);
    expect([view.title.text, view.submit?.text, view.close?.text]).toEqual(
      locale === 'ko' ? ['쿠폰 조회', '조회', '취소'] : ['Look up coupons', 'Look up', 'Cancel'],
    );
    expect(view.blocks.map((b) => b.block_id)).toEqual([MODAL_IDS.goodsBlock, MODAL_IDS.barcodesBlock]);
    expect(goodsElement(view).action_id).toBe(MODAL_IDS.goodsAction);
    expect(barcodesElement(view).action_id).toBe(MODAL_IDS.barcodesAction);
  });

  it('labels say how many barcodes are allowed', () => {
    expect(inputBlock(renderLookupModal(input()), MODAL_IDS.barcodesBlock).label.text).toBe(
      `쿠폰번호 (한 줄에 하나, 최대 ${MAX_BARCODES}개)`,
    );
    expect(inputBlock(renderLookupModal(input({ locale: 'en' })), MODAL_IDS.barcodesBlock).label.text).toBe(
      `Coupon numbers (one per line, up to ${MAX_BARCODES})`,
    );
  });
});

describe('lookup modal: goods', () => {
  it('a select over the catalog, "name (ID)", nothing chosen when the message named no goods', () => {
    const view = renderLookupModal(input());
    expectValid(view);
    const el = goodsElement(view) as StaticSelect;
    expect(el.type).toBe('static_select');
    expect(el.options?.map((o) => [o.text.text, o.value])).toEqual([
      ['아메리카노 T (A1)', 'A1'],
      ['카페라떼 (B2)', 'B2'],
      ['치즈 케이크 & 쿠키 (C3)', 'C3'],
    ]);
    expect(el).not.toHaveProperty('initial_option');
    expect(notes(view)).toEqual([]);
  });

  it('preselects the one goods the message named', () => {
    const view = renderLookupModal(input({ goods: [LATTE] }));
    expectValid(view);
    const el = goodsElement(view) as StaticSelect;
    expect(el.initial_option).toEqual(el.options?.[1]);
    expect(notes(view)).toEqual([]);
  });

  it('several goods: nothing preselected, and a note naming them (escaped)', () => {
    const view = renderLookupModal(input({ goods: [AMERICANO, CAKE] }));
    expectValid(view);
    expect(goodsElement(view)).not.toHaveProperty('initial_option');
    expect(notes(view)).toEqual([
      ':point_right: 메시지에 상품이 여러 개 있습니다 (아메리카노 T, 치즈 케이크 &amp; 쿠키). 조회할 상품을 골라 주세요.',
    ]);
    expect(view.blocks[0]?.type).toBe('context');
  });

  it('without a catalog: a text input for the goods ID', () => {
    const view = renderLookupModal(input({ catalog: EMPTY_CATALOG }));
    expectValid(view);
    const el = goodsElement(view) as PlainTextInput;
    expect(el.type).toBe('plain_text_input');
    expect(el.placeholder?.text).toBe('상품 ID');
    expect(el).not.toHaveProperty('initial_value');
  });

  it('more than 100 catalog entries fall back to a text input (a select holds at most 100)', () => {
    const big = parseCatalog(Array.from({ length: LIMITS.selectOptions + 1 }, (_, i) => `G${i}=상품 ${i}`).join(';')).catalog;
    expect(big.entries).toHaveLength(101);
    const only = big.entries[50] as GoodsEntry;
    const view = renderLookupModal(input({ catalog: big, goods: [only] }));
    expectValid(view);
    const el = goodsElement(view) as PlainTextInput;
    expect(el.type).toBe('plain_text_input');
    expect(el.initial_value).toBe('G50');
  });

  it('exactly 100 entries still make a select', () => {
    const hundred = parseCatalog(Array.from({ length: LIMITS.selectOptions }, (_, i) => `G${i}=상품 ${i}`).join(';')).catalog;
    const view = renderLookupModal(input({ catalog: hundred }));
    expectValid(view);
    expect(goodsElement(view).type).toBe('static_select');
  });

  it('a long product name is cut to fit an option, and the preselected option still matches', () => {
    const long = parseCatalog(`L1=${'가'.repeat(100)}`).catalog;
    const view = renderLookupModal(input({ catalog: long, goods: [long.entries[0] as GoodsEntry] }));
    expectValid(view);
    const el = goodsElement(view) as StaticSelect;
    expect(el.options?.[0]?.text.text).toHaveLength(LIMITS.optionText);
    expect(el.options?.[0]?.text.text.endsWith('…')).toBe(true);
    expect(el.initial_option).toEqual(el.options?.[0]);
  });
});

describe('lookup modal: barcodes and hints', () => {
  it('prefills the barcodes found, one per line, and says they were found', () => {
    const view = renderLookupModal(input());
    const el = barcodesElement(view);
    expect(el.multiline).toBe(true);
    expect(el.initial_value).toBe(`${barcodeN(1)}\n${barcodeN(2)}`);
    expect(inputBlock(view, MODAL_IDS.barcodesBlock).hint?.text).toBe('메시지에서 찾은 번호입니다. 확인하고 고쳐 주세요.');
  });

  it(`prefills at most ${MAX_BARCODES}`, () => {
    const found = Array.from({ length: 8 }, (_, i) => barcodeN(i));
    expect(barcodesElement(renderLookupModal(input({ barcodes: found }))).initial_value?.split('\n')).toEqual(found.slice(0, MAX_BARCODES));
  });

  it('no barcodes: empty input and the nothing-found note', () => {
    const view = renderLookupModal(input({ barcodes: [], hint: { kind: 'nothing_found' } }));
    expectValid(view);
    expect(barcodesElement(view)).not.toHaveProperty('initial_value');
    expect(notes(view)).toEqual([':mag: 메시지에서 쿠폰번호를 찾지 못했습니다. 쿠폰번호를 직접 입력해 주세요.']);
  });

  it('both notes at once, in English', () => {
    const view = renderLookupModal(input({ locale: 'en', barcodes: [], goods: [AMERICANO, LATTE], hint: { kind: 'nothing_found' } }));
    expectValid(view);
    expect(notes(view)).toEqual([
      ':mag: No coupon number found in the message. Please type the coupon numbers.',
      ':point_right: The message names several products (아메리카노 T, 카페라떼). Choose one.',
    ]);
  });

  it('private metadata too long for Slack is caught by checkBlockKit', () => {
    const view = renderLookupModal(input({ privateMetadata: 'x'.repeat(LIMITS.privateMetadata + 1) }));
    expect(checkBlockKit(view)).toEqual([
      `view.private_metadata: ${LIMITS.privateMetadata + 1} characters (max ${LIMITS.privateMetadata})`,
    ]);
  });
});
