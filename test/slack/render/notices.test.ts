import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog, type Catalog } from '../../../src/config/catalog.js';
import { ValidationError, type RequestField, type ValidationRule } from '../../../src/coufun/errors.js';
import type { Locale } from '../../../src/display/index.js';
import { noticePlainText, renderNotice, renderNoticeModal, type Notice } from '../../../src/slack/render/index.js';
import { checkBlockKit } from '../../support/block-kit.js';
import { NOW_MS, strayAngles, visibleTexts } from '../../support/factories.js';

const CATALOG: Catalog = parseCatalog('A1=아메리카노 T;B2=카페라떼 & 쿠키 <세트>').catalog;
const BIG_CATALOG: Catalog = parseCatalog(Array.from({ length: 20 }, (_, i) => `G${i + 1}=상품 ${i + 1}`).join(';')).catalog;

const FIELDS: readonly RequestField[] = ['POC_ID', 'GOODS_ID', 'BARCODE_NUM'];
const RULES: readonly ValidationRule[] = ['required', 'max_bytes', 'charset'];

function validation(field: RequestField, rule: ValidationRule): ValidationError {
  if (rule === 'max_bytes') return new ValidationError(field, rule, { limit: 30, actual: 31 });
  if (rule === 'charset') return new ValidationError(field, rule, { char: '<' });
  return new ValidationError(field, rule);
}

/** Every notice kind, with the variants that change the wording. */
const NOTICES: ReadonlyArray<readonly [string, Notice]> = [
  ['help with catalog', { kind: 'help', command: '/coupon', catalog: CATALOG }],
  ['help with a long catalog', { kind: 'help', command: '/coupon', catalog: BIG_CATALOG }],
  ['help without catalog', { kind: 'help', command: '/coupon', catalog: EMPTY_CATALOG }],
  ['missing_barcode', { kind: 'missing_barcode', command: '/coupon' }],
  ['missing_barcode (modal)', { kind: 'missing_barcode', command: '' }],
  ['too_many_barcodes', { kind: 'too_many_barcodes', given: 7, max: 5 }],
  ...FIELDS.flatMap((field) =>
    RULES.map(
      (rule) => [`invalid_input ${field} ${rule}`, { kind: 'invalid_input', error: validation(field, rule), position: 2 }] as const,
    ),
  ),
  ['channel_refused', { kind: 'channel_refused', channelId: 'C0123ABCD' }],
  ['channel_refused (odd ID)', { kind: 'channel_refused', channelId: 'x<y>&z' }],
  ['channel_needed', { kind: 'channel_needed', command: '/coupon' }],
  ['rate_limited', { kind: 'rate_limited', retryAtMs: NOW_MS + 1_500, nowMs: NOW_MS }],
  ['bot_not_in_channel', { kind: 'bot_not_in_channel', channelId: 'G0123ABCD' }],
  ['thread_post_failed', { kind: 'thread_post_failed', reason: '<not_in_channel> & more' }],
  ['nothing_found', { kind: 'nothing_found' }],
  ['expired_action', { kind: 'expired_action' }],
  ['internal_error', { kind: 'internal_error', ref: 'ref-7f3a' }],
];

const LOCALES: readonly Locale[] = ['ko', 'en'];
const CASES = NOTICES.flatMap(([name, notice]) => LOCALES.map((locale) => [name, locale, notice] as const));

/** Markup Slack would interpret, which a plain text must not carry. */
function markupIn(text: string): string[] {
  const patterns = [/:[a-z_]+:/g, /\*[^*\n]+\*/g, /`/g, /&(?:amp|lt|gt);/g, /<[#@!][^>]*>/g];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}

describe('notices: every kind, both locales', () => {
  it.each(CASES)('%s (%s): message and modal pass checkBlockKit, no unescaped markup', (_name, locale, notice) => {
    const msg = renderNotice(notice, locale);
    expect(checkBlockKit(msg)).toEqual([]);
    expect(strayAngles(msg.blocks)).toEqual([]);
    expect(msg.blocks[0]?.type).toBe('section');
    expect(msg.text.trim()).not.toBe('');

    const modal = renderNoticeModal(notice, locale);
    expect(checkBlockKit(modal)).toEqual([]);
    expect(modal.type).toBe('modal');
    expect(modal.blocks).toEqual(msg.blocks);
    expect(modal).not.toHaveProperty('submit');
  });

  it.each(CASES)('%s (%s): noticePlainText has no mrkdwn markup', (_name, locale, notice) => {
    const plain = noticePlainText(notice, locale);
    expect(plain.trim()).not.toBe('');
    expect(markupIn(plain)).toEqual([]);
  });

  it.each(CASES)('%s (%s): the fallback text is the plain text, escaped', (_name, locale, notice) => {
    const plain = noticePlainText(notice, locale);
    const escaped = plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(renderNotice(notice, locale).text).toBe(escaped);
  });

  it('Korean and English really differ', () => {
    for (const [, notice] of NOTICES) {
      expect(noticePlainText(notice, 'ko')).toMatch(/[가-힣]/);
      // English may quote catalog names and Korean reasons, but its own words are English.
      expect(noticePlainText(notice, 'en')).not.toBe(noticePlainText(notice, 'ko'));
    }
    expect(noticePlainText({ kind: 'nothing_found' }, 'en')).not.toMatch(/[가-힣]/);
  });

  it('modal title and close button by locale', () => {
    expect(renderNoticeModal({ kind: 'expired_action' }, 'ko')).toMatchObject({ title: { text: '쿠폰 조회' }, close: { text: '닫기' } });
    expect(renderNoticeModal({ kind: 'expired_action' }, 'en')).toMatchObject({
      title: { text: 'Coupon lookup' },
      close: { text: 'Close' },
    });
  });
});

describe('notices: wording', () => {
  it('help with a catalog: usage, example, each product with its ID (escaped), shortcut, privacy', () => {
    const msg = renderNotice({ kind: 'help', command: '/coupon', catalog: CATALOG }, 'ko');
    const texts = visibleTexts(msg.blocks);
    expect(texts[0]).toBe(
      '*쿠펀 쿠폰 조회*\n`/coupon &lt;상품ID 또는 상품명&gt; &lt;쿠폰번호&gt; [쿠폰번호…]`\n예: `/coupon 0000999999 012345678902`   ·   쿠폰번호는 한 번에 5개까지',
    );
    expect(texts[1]).toBe('*이 팀의 상품*\n• `A1` 아메리카노 T\n• `B2` 카페라떼 &amp; 쿠키 &lt;세트&gt;');
    expect(texts[2]).toContain('*쿠폰 조회*');
    expect(texts[3]).toContain('수신번호는 항상 가려집니다');
    expect(noticePlainText({ kind: 'help', command: '/coupon', catalog: CATALOG }, 'ko').split('\n')).toEqual([
      '쿠펀 쿠폰 조회',
      '/coupon <상품ID 또는 상품명> <쿠폰번호> [쿠폰번호…]',
      '예: /coupon 0000999999 012345678902   ·   쿠폰번호는 한 번에 5개까지',
      '이 팀의 상품',
      '• A1 아메리카노 T',
      '• B2 카페라떼 & 쿠키 <세트>',
      expect.stringContaining('⋮ 메뉴 → 쿠폰 조회 로'),
      expect.stringContaining('채널에 공유 를 누르세요'),
    ]);
  });

  it('help lists at most 15 products and counts the rest', () => {
    const plain = noticePlainText({ kind: 'help', command: '/coupon', catalog: BIG_CATALOG }, 'en');
    expect(plain).toContain('• G15 상품 15');
    expect(plain).not.toContain('G16');
    expect(plain).toContain('… +5');
  });

  it('help without a catalog explains what a goods ID is', () => {
    expect(noticePlainText({ kind: 'help', command: '/coupon', catalog: EMPTY_CATALOG }, 'ko')).toContain('GOODS_ID(최대 10자리)');
    expect(noticePlainText({ kind: 'help', command: '/coupon', catalog: EMPTY_CATALOG }, 'en')).toContain('GOODS_ID of the Coufun order');
    expect(noticePlainText({ kind: 'help', command: '/coupon', catalog: EMPTY_CATALOG }, 'en')).not.toContain("This team's products");
  });

  it('help escapes a strange command name', () => {
    const msg = renderNotice({ kind: 'help', command: '/c<&>', catalog: EMPTY_CATALOG }, 'en');
    expect(visibleTexts(msg.blocks)[0]).toContain('`/c&lt;&amp;&gt; &lt;goods ID or name&gt;');
  });

  it('missing barcode: with the usage for the command, a short sentence for the modal', () => {
    expect(noticePlainText({ kind: 'missing_barcode', command: '/coupon' }, 'ko')).toBe(
      '쿠폰번호가 없습니다. 상품 다음에 쿠폰번호를 적어 주세요: /coupon <상품ID 또는 상품명> <쿠폰번호> [쿠폰번호…]',
    );
    expect(noticePlainText({ kind: 'missing_barcode', command: '' }, 'ko')).toBe('쿠폰번호를 하나 이상 입력해 주세요.');
    expect(noticePlainText({ kind: 'missing_barcode', command: '' }, 'en')).toBe('Enter at least one coupon number.');
  });

  it('too many barcodes: how many and the maximum', () => {
    expect(noticePlainText({ kind: 'too_many_barcodes', given: 7, max: 5 }, 'ko')).toBe(
      '쿠폰번호를 7개 적으셨습니다. 한 번에 5개까지 조회할 수 있습니다.',
    );
    expect(noticePlainText({ kind: 'too_many_barcodes', given: 7, max: 5 }, 'en')).toBe(
      'You gave 7 coupon numbers; at most 5 can be looked up at once.',
    );
  });

  const FIELD_WORDS: Readonly<Record<RequestField, readonly [string, string]>> = {
    POC_ID: ['고객사 ID', 'client ID (POC_ID)'],
    GOODS_ID: ['상품 ID', 'goods ID'],
    BARCODE_NUM: ['쿠폰번호', 'coupon number'],
  };
  const RULE_WORDS: Readonly<Record<ValidationRule, readonly [string, string]>> = {
    required: ['비어 있습니다', 'is empty'],
    max_bytes: ['최대 30바이트인데 31바이트입니다', 'at most 30 bytes, got 31'],
    charset: ['"<" (U+003C)', '"<" (U+003C)'],
  };
  it.each(FIELDS.flatMap((f) => RULES.map((r) => [f, r] as const)))('invalid input %s / %s: field, rule, hint', (field, rule) => {
    const notice: Notice = { kind: 'invalid_input', error: validation(field, rule), position: 2 };
    const ko = noticePlainText(notice, 'ko');
    const en = noticePlainText(notice, 'en');
    expect(ko.startsWith('입력값을 확인해 주세요')).toBe(true);
    expect(en.startsWith('Please check your input')).toBe(true);
    expect(ko).toContain(FIELD_WORDS[field][0]);
    expect(en).toContain(FIELD_WORDS[field][1]);
    expect(ko).toContain(RULE_WORDS[rule][0]);
    expect(en).toContain(RULE_WORDS[rule][1]);
    // The position names a coupon number only.
    expect(ko.includes('(2번째 쿠폰번호)')).toBe(field === 'BARCODE_NUM');
    expect(en.includes('(coupon number 2)')).toBe(field === 'BARCODE_NUM');
    // The client ID is configuration: the hint sends the person to the operator.
    expect(ko.includes('봇 운영자')).toBe(field === 'POC_ID');
    expect(en.includes('bot operator')).toBe(field === 'POC_ID');
    // The offending character is escaped in mrkdwn.
    if (rule === 'charset') expect(visibleTexts(renderNotice(notice, 'ko').blocks)[0]).toContain('"&lt;" (U+003C)');
  });

  it('invalid input without a position says nothing about one', () => {
    const plain = noticePlainText({ kind: 'invalid_input', error: new ValidationError('BARCODE_NUM', 'required') }, 'ko');
    expect(plain.split('\n')[0]).toBe('입력값을 확인해 주세요');
  });

  it.each(['*', '`', '_', ':'])('invalid input: the offending character %s survives in the plain text', (char) => {
    const plain = noticePlainText(
      { kind: 'invalid_input', error: new ValidationError('BARCODE_NUM', 'charset', { char }), position: 1 },
      'ko',
    );
    expect(plain).toContain(`"${char}" (U+00`);
  });

  it('channel refused: names the channel and shows its ID for the allow-list', () => {
    const notice: Notice = { kind: 'channel_refused', channelId: 'C0123ABCD' };
    const text = visibleTexts(renderNotice(notice, 'ko').blocks)[0];
    expect(text).toContain('<#C0123ABCD>에서는 쿠폰 조회를 쓸 수 없습니다');
    expect(text).toContain('채널 ID `C0123ABCD`를 `ALLOWED_CHANNEL_IDS`에 추가');
    expect(noticePlainText(notice, 'ko')).toContain('#C0123ABCD에서는');
    expect(noticePlainText(notice, 'en')).toContain('add channel ID C0123ABCD to ALLOWED_CHANNEL_IDS');
  });

  it('channel needed (no channel at all, e.g. the App Home tab): where to ask instead, with the command, nothing sent', () => {
    const notice: Notice = { kind: 'channel_needed', command: '/coupon-bot' };
    expect(noticePlainText(notice, 'ko')).toContain('허용된 채널 안에서만');
    expect(noticePlainText(notice, 'ko')).toContain('/coupon-bot');
    expect(noticePlainText(notice, 'en')).toContain('Use /coupon-bot there');
    expect(noticePlainText(notice, 'en')).toContain('Nothing was sent to Coufun.');
  });

  it('channel refused: an ID that is not a channel is shown as escaped code, not a link', () => {
    const notice: Notice = { kind: 'channel_refused', channelId: 'x<y>&z' };
    const text = visibleTexts(renderNotice(notice, 'en').blocks)[0];
    expect(text).toContain('`x&lt;y&gt;&amp;z`');
    expect(text).not.toContain('<#');
    expect(noticePlainText(notice, 'en')).toContain('not enabled in x<y>&z.');
  });

  it.each([
    [1_500, 2],
    [1_000, 1],
    [1_001, 2],
    [1, 1],
    [0, 1],
    [-5_000, 1],
    [59_001, 60],
  ])('rate limited: %i ms to wait reads %i s (rounded up, at least 1)', (waitMs, seconds) => {
    const notice: Notice = { kind: 'rate_limited', retryAtMs: NOW_MS + waitMs, nowMs: NOW_MS };
    expect(noticePlainText(notice, 'ko')).toContain(`${seconds}초 후에 다시 시도해 주세요`);
    expect(noticePlainText(notice, 'en')).toContain(`Try again in ${seconds} s.`);
  });

  it('bot not in channel: names the channel and how to invite', () => {
    const text = visibleTexts(renderNotice({ kind: 'bot_not_in_channel', channelId: 'C0123ABCD' }, 'ko').blocks)[0];
    expect(text).toBe(
      ':information_source: 봇이 <#C0123ABCD>에 들어가 있지 않아 스레드에 답하지 못했습니다. 채널에서 `/invite @coupon-bot`으로 초대해 주세요. 이번 결과는 아래에 나에게만 보여 드립니다.',
    );
  });

  it('thread post failed: the reason, escaped', () => {
    const notice: Notice = { kind: 'thread_post_failed', reason: '<not_in_channel> & more' };
    expect(visibleTexts(renderNotice(notice, 'en').blocks)[0]).toBe(
      ':information_source: Could not reply in the thread (&lt;not_in_channel&gt; &amp; more). Here is the result, visible only to you.',
    );
    expect(noticePlainText(notice, 'en')).toBe(
      'Could not reply in the thread (<not_in_channel> & more). Here is the result, visible only to you.',
    );
  });

  it('nothing found, expired action, internal error (with its reference)', () => {
    expect(noticePlainText({ kind: 'nothing_found' }, 'ko')).toBe('메시지에서 쿠폰번호를 찾지 못했습니다. 쿠폰번호를 직접 입력해 주세요.');
    expect(noticePlainText({ kind: 'expired_action' }, 'en')).toContain('no longer works');
    const blocks = renderNotice({ kind: 'internal_error', ref: 'ref-7f3a' }, 'ko').blocks;
    expect(visibleTexts(blocks)).toEqual([
      ':x: 예상하지 못한 오류로 처리하지 못했습니다. 봇 운영자에게 참조 번호 `ref-7f3a`를 알려 주세요.',
    ]);
    expect(noticePlainText({ kind: 'internal_error', ref: 'ref-7f3a' }, 'en')).toContain('reference ref-7f3a.');
  });

  it('single-paragraph notices are one section; multi-paragraph ones add a context', () => {
    expect(renderNotice({ kind: 'nothing_found' }, 'ko').blocks.map((b) => b.type)).toEqual(['section']);
    expect(renderNotice({ kind: 'invalid_input', error: validation('GOODS_ID', 'required') }, 'ko').blocks.map((b) => b.type)).toEqual([
      'section',
      'context',
    ]);
    expect(renderNotice({ kind: 'help', command: '/coupon', catalog: CATALOG }, 'ko').blocks.map((b) => b.type)).toEqual([
      'section',
      'context',
    ]);
  });
});
