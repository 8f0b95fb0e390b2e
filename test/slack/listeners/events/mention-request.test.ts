/** A mention's text → look up or ask: the shortcut's extractor, plus what a mention must say when it cannot guess. */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../../src/config/catalog.js';
import { readMention } from '../../../../src/slack/listeners/events/mention-request.js';

const CATALOG = parseCatalog('0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T').catalog;
const BAEMIN = { id: '0000999999', name: '배민 상품권 1만원' };

describe('readMention', () => {
  it('goods by ID or by name, numbers as printed, the bot and other people mentioned removed first', () => {
    expect(readMention('<@UBOT> 0000999999 0123-4567-8901', CATALOG)).toEqual({
      kind: 'lookup',
      goods: BAEMIN,
      barcodes: ['012345678901'],
    });
    expect(readMention('<@UBOT|coupon-bot> 0123 4567 8901 배민 상품권 1만원 <@U0COLLEAGUE12345678>', CATALOG)).toEqual({
      kind: 'lookup',
      goods: BAEMIN,
      barcodes: ['012345678901'],
    });
  });

  it('phone numbers, dates and amounts are not coupon numbers', () => {
    expect(readMention('<@UBOT> 배민 상품권 1만원 010-1234-5678 2024-01-15 10,000원', CATALOG)).toEqual({
      kind: 'ask',
      problem: { kind: 'missing', barcode: true, goods: false },
    });
  });

  it('five numbers are looked up; six (repeats not counted) are refused with the count', () => {
    const five = ['012345678901', '012345678902', '012345678903', '012345678904', '012345678905'];
    expect(readMention(`<@UBOT> 0000999999 ${five.join(' ')} 0123-4567-8901`, CATALOG)).toEqual({
      kind: 'lookup',
      goods: BAEMIN,
      barcodes: five,
    });
    expect(readMention(`<@UBOT> 0000999999 ${five.join(' ')} 012345678906 012345678907`, CATALOG)).toEqual({
      kind: 'ask',
      problem: { kind: 'too_many_barcodes', given: 7, max: 5 },
    });
  });

  it('asks for what is missing: nothing, a product, one product only', () => {
    expect(readMention('<@UBOT>', CATALOG)).toEqual({ kind: 'ask', problem: { kind: 'missing', barcode: true, goods: true } });
    expect(readMention('<@UBOT> 012345678901 투썸플레이스', CATALOG)).toEqual({
      kind: 'ask',
      problem: { kind: 'missing', barcode: false, goods: true },
    });
    // A brand alone stands for the one product it begins.
    expect(readMention('<@UBOT> 0123-4567-8901 스타벅스', CATALOG)).toEqual({
      kind: 'lookup',
      goods: { id: '0000133518', name: '스타벅스 아메리카노 T' },
      barcodes: ['012345678901'],
    });
    expect(readMention('<@UBOT> 배민 상품권 1만원 / 스타벅스 아메리카노 T 012345678901', CATALOG)).toEqual({
      kind: 'ask',
      problem: { kind: 'several_goods', names: ['배민 상품권 1만원', '스타벅스 아메리카노 T'] },
    });
  });
});
