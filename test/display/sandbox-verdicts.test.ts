/**
 * Every sandbox coupon, answered by the sandbox and parsed by the real codec, gets a verdict that
 * answers "can the customer use it now?" first: on the Slack card (first line under the product
 * name) and in the terminal (the line under the header). A new coupon seed without an expected
 * verdict here fails the test.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/print.js';
import { parseResponse } from '../../src/coufun/codec.js';
import { answer } from '../../src/coufun/sandbox/answer.js';
import { SANDBOX_GOODS } from '../../src/coufun/environments.js';
import { SANDBOX_SEEDS } from '../../src/coufun/sandbox/seeds.js';
import type { Order } from '../../src/coufun/types.js';
import { describeOrders, type Locale } from '../../src/display/index.js';
import type { LookupOutcome } from '../../src/lookup/types.js';
import { renderLookupMessage } from '../../src/slack/render/index.js';
import { checkBlockKit } from '../support/block-kit.js';

/** 2026-12-01 12:00 KST. */
const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);

function orders(goodsId: string, barcode: string): readonly Order[] {
  const reply = answer(new URLSearchParams({ POC_ID: 'SANDBOX', GOODS_ID: goodsId, BARCODE_NUM: barcode }), {
    pocId: 'SANDBOX',
    nowMs: NOW,
    firstHit: () => false,
  });
  if (reply.kind !== 'xml') throw new Error(`${barcode} is not an XML seed`);
  const result = parseResponse(iconv.encode(reply.xml, 'cp949'), 'text/xml; charset=EUC-KR', NOW);
  if (!result.ok) throw new Error(`${barcode} answered ${result.code}`);
  return result.orders;
}

const usable = /^사용 가능 · /;
/** Expected Korean verdicts per seed, one per order, in the vendor's order. */
const EXPECTED: Readonly<Record<string, readonly (string | RegExp)[]>> = {
  '012345678901': ['사용 가능 · 잔액 10,000원 · 유효기간 2027-01-30 (60일 남음)'],
  '012345678902': ['사용 가능 · 부분 사용 · 잔액 2,500원 / 10,000원 · 유효기간 2027-01-30 (60일 남음)'],
  '012345678903': ['사용 불가 · 사용됨 (2026-11-30 18:45)'],
  '001133518001': ['사용 가능 · 유효기간 2027-01-30 (60일 남음)'],
  '001133518002': ['사용 불가 · 사용됨 (2026-11-29 09:15)'],
  '001133518003': ['사용 불가 · 취소됨 (2026-11-21 18:02)'],
  '004122900017': ['사용 불가 · 기간 만료 (2026-11-30까지 유효, 1일 전 만료)'],
  '004122900025': [
    '사용 가능 · 유효기간 2027-02-24 (85일 남음)',
    '사용 불가 · 사용됨 (2026-11-19 20:15)',
    '사용 불가 · 취소됨 (2026-10-04 07:00)',
  ],
  '004122900033': [usable],
  '009999900011': ['사용 가능 · 잔액 10,000원 · 유효기간 2027-01-30 (60일 남음)'],
  '001133518005': ['확인 필요 · 알 수 없는 상태(200)'],
  '012345678905': [usable],
  '001133518004': [usable],
  '012345678906': ['사용 불가 · 잔액 없음 (0원)'],
  '012345678907': ['사용 불가 · 기간 만료 (2026-11-26까지 유효, 5일 전 만료)'],
  '007770010001': [usable],
  SIM00000001: [/^(사용 가능|사용 불가|확인 필요) · /],
};

const coupons = SANDBOX_SEEDS.filter((s) => s.group === 'coupon');
const goodsName = (id: string): string => SANDBOX_GOODS.find((g) => g.id === id)?.name ?? id;
const ok = (goodsId: string, barcode: string): LookupOutcome => ({
  ok: true,
  goodsId,
  barcode,
  orders: orders(goodsId, barcode),
  vendorMessage: 'SUCCESS',
  meta: { env: 'sandbox', latencyMs: 12, cacheHit: false, answeredAt: NOW },
});

describe('verdicts for every sandbox coupon', () => {
  it('every coupon seed has an expected verdict', () => {
    expect(coupons.map((s) => s.barcode).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(coupons.map((s) => [s.label, s] as const))('display: %s', (_label, seed) => {
    const view = describeOrders(orders(seed.goodsId, seed.barcode), { nowMs: NOW, locale: 'ko', goodsId: seed.goodsId });
    const expected = EXPECTED[seed.barcode] ?? [];
    expect(view.orders).toHaveLength(expected.length);
    view.orders.forEach((o, i) =>
      expect(o.verdict.line).toMatch(typeof expected[i] === 'string' ? new RegExp(`^${escapeRe(expected[i])}$`) : expected[i]!),
    );
  });

  it.each(coupons.map((s) => [s.label, s] as const))('card: %s leads with the verdict right under the product name', (_label, seed) => {
    const msg = renderLookupMessage([ok(seed.goodsId, seed.barcode)], {
      locale: 'ko',
      nowMs: NOW,
      requesterId: 'U0123ABCD',
      mode: 'private',
      goodsName: goodsName(seed.goodsId),
    });
    expect(checkBlockKit(msg)).toEqual([]);
    const [banner, first, second] = msg.blocks;
    expect(banner?.type).toBe('context'); // the sandbox banner
    const expected = EXPECTED[seed.barcode] ?? [];
    if (expected.length === 1) {
      expect(first?.type).toBe('header');
      const verdict = second?.type === 'section' ? (second.text?.text ?? '') : '';
      expect(verdict).toMatch(/^(🟢|🟡|⚪|🔴|🟠|❔) \*(사용 가능|사용 불가|확인 필요)\* · /);
    } else {
      // Several orders: the product name, then the summary.
      expect(first?.type === 'header' ? first.text.text : '').toBe(goodsName(seed.goodsId));
      const summary = second?.type === 'section' ? (second.text?.text ?? '') : '';
      expect(summary).toBe('*3건: 사용 가능 1 · 사용 1 · 취소 1*');
      expect(JSON.stringify(msg.blocks)).toContain('쿠펀이 보낸 순서대로 보여 드립니다.');
    }
  });

  it.each(coupons.map((s) => [s.label, s] as const))('terminal: %s prints the verdict under the header', (_label, seed) => {
    const out = renderReport([ok(seed.goodsId, seed.barcode)], {
      nowMs: NOW,
      catalog: { nameOf: (id: string) => (id === seed.goodsId ? goodsName(seed.goodsId) : undefined) },
    })
      .map((c) => c.text)
      .join('');
    const lines = out.split('\n');
    const expected = EXPECTED[seed.barcode] ?? [];
    const verdicts = lines.filter((l) => /^ {2}(사용 가능|사용 불가|확인 필요) · /.test(l));
    expect(verdicts).toHaveLength(expected.length);
    for (const [i, line] of verdicts.entries()) {
      // The verdict sits right under its header line.
      expect(lines[lines.indexOf(line) - 1]).toContain(`${goodsName(seed.goodsId)} (상품 ID ${seed.goodsId}) · `);
      const want = expected[i]!;
      expect(line.trim()).toMatch(typeof want === 'string' ? new RegExp(`^${escapeRe(want)}$`) : want);
    }
    if (expected.length > 1) expect(out).toContain('3건: 사용 가능 1 · 사용 1 · 취소 1');
  });

  it('English words for English users', () => {
    const en = (barcode: string, goodsId: string, locale: Locale = 'en'): string[] =>
      describeOrders(orders(goodsId, barcode), { nowMs: NOW, locale, goodsId }).orders.map((o) => o.verdict.line);
    expect(en('012345678902', '0000999999')).toEqual([
      'Usable · partly used · balance ₩2,500 of ₩10,000 · valid until 2027-01-30 (60 days left)',
    ]);
    expect(en('001133518003', '0000133518')).toEqual(['Not usable · cancelled on 2026-11-21 18:02']);
    expect(en('004122900017', '0000412290')).toEqual(['Not usable · expired: valid until 2026-11-30, expired 1 day ago']);
    expect(en('001133518005', '0000133518')).toEqual(['Check needed · Unknown status (200)']);
    const summary = describeOrders(orders('0000412290', '004122900025'), { nowMs: NOW, locale: 'en', goodsId: '0000412290' }).summary;
    expect(summary?.line).toBe('3 orders: usable 1 · used 1 · cancelled 1');
  });
});

describe('the status row never contradicts the verdict', () => {
  // A spent amount voucher the vendor still calls 000 (unused): "🟢 미사용" beside "사용 금액
  // 10,000원" is the contradiction issue 10 describes; in words it is 전액 사용, code kept visible.
  const card = (locale: Locale): string =>
    JSON.stringify(
      renderLookupMessage([ok('0000999999', '012345678906')], {
        locale,
        nowMs: NOW,
        requesterId: 'U0123ABCD',
        mode: 'private',
        goodsName: goodsName('0000999999'),
      }).blocks,
    );

  it('card (ko): 전액 사용 with the vendor code, not 🟢 미사용', () => {
    const blocks = card('ko');
    expect(blocks).toContain('*상태*\\n⚪ 전액 사용 (쿠펀 상태 000 미사용)');
    expect(blocks).not.toContain('🟢');
  });

  it('card (en): Fully used with the vendor code', () => {
    const blocks = card('en');
    expect(blocks).toContain('Fully used (Coufun status 000: Unused)');
    expect(blocks).not.toContain('🟢');
  });

  it('terminal: the status row says 전액 사용 and keeps the code', () => {
    const out = renderReport([ok('0000999999', '012345678906')], { nowMs: NOW, catalog: { nameOf: () => goodsName('0000999999') } })
      .map((c) => c.text)
      .join('');
    expect(out).toMatch(/상태 +전액 사용 \(쿠펀 상태 000 미사용\)/);
  });
});

function escapeRe(s: string | RegExp | undefined): string {
  return String(s).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
