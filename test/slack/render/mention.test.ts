/** The short threaded replies to a mention that cannot be looked up as written: pure values. */
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog } from '../../../src/config/catalog.js';
import { checkBlockKit } from '../../support/block-kit.js';
import { renderMentionReply, type MentionProblem } from '../../../src/slack/render/mention.js';

const CATALOG = parseCatalog('A1=아메리카노 T;B2=카페라떼 & 쿠키 <세트>;C3=케이크;D4=도넛').catalog;

const PROBLEMS: [string, MentionProblem][] = [
  ['nothing', { kind: 'missing', barcode: true, goods: true }],
  ['no number', { kind: 'missing', barcode: true, goods: false }],
  ['no product', { kind: 'missing', barcode: false, goods: true }],
  ['two products', { kind: 'several_goods', names: ['아메리카노 T', '카페라떼 & 쿠키 <세트>'] }],
  ['six numbers', { kind: 'too_many_barcodes', given: 6, max: 5 }],
];

describe('renderMentionReply', () => {
  it.each(PROBLEMS.flatMap(([name, p]) => (['ko', 'en'] as const).map((l) => [name, l, p] as const)))(
    '%s (%s): inside Block Kit limits, addresses the asker, says how to ask and offers the shortcut',
    (_name, locale, problem) => {
      const msg = renderMentionReply({ problem, locale, requesterId: 'U0ASKER', catalog: CATALOG });
      expect(checkBlockKit(msg)).toEqual([]);
      const all = JSON.stringify(msg.blocks);
      expect(all).toContain('<@U0ASKER>');
      expect(all).toContain('@coupon-bot');
      expect(all).toContain('쿠폰 조회');
      // Names from the catalog are escaped: no stray `<세트>` that Slack would read as markup.
      expect(all).not.toContain('<세트>');
      expect(msg.text).not.toMatch(/[*`]/);
    },
  );

  it('says exactly what is missing', () => {
    const head = (problem: MentionProblem, locale: 'ko' | 'en' = 'ko') =>
      JSON.stringify(renderMentionReply({ problem, locale, requesterId: 'U1', catalog: CATALOG }).blocks[0]);
    expect(head({ kind: 'missing', barcode: true, goods: false })).toContain('쿠폰번호를 찾지 못했습니다');
    expect(head({ kind: 'missing', barcode: false, goods: true })).toContain('어떤 상품인지 찾지 못했습니다');
    expect(head({ kind: 'too_many_barcodes', given: 7, max: 5 }, 'en')).toContain('That is 7 coupon numbers; at most 5');
    expect(head({ kind: 'several_goods', names: ['아메리카노 T', '케이크'] })).toContain('(아메리카노 T, 케이크)');
  });

  it('names a few catalog products when the product is missing, and explains an empty catalog', () => {
    const withCatalog = renderMentionReply({
      problem: { kind: 'missing', barcode: false, goods: true },
      locale: 'ko',
      requesterId: 'U1',
      catalog: CATALOG,
    });
    expect(withCatalog.text).toContain('아메리카노 T, 카페라떼 &amp; 쿠키 &lt;세트&gt;, 케이크 …'); // `text` is escaped too
    expect(withCatalog.text).not.toContain('도넛');
    const empty = renderMentionReply({
      problem: { kind: 'missing', barcode: false, goods: true },
      locale: 'en',
      requesterId: 'U1',
      catalog: EMPTY_CATALOG,
    });
    expect(empty.text).toContain('no product list (COUPON_GOODS)');
  });
});
