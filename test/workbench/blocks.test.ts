/**
 * Block Kit → HTML over what the bot's renderers really produce (the card in each mode, error
 * cards, notices, the shortcut's modal and the notice modal), plus the block and element types
 * they may emit. Structure and text are asserted on the HTML string; no browser, no screenshot.
 */
import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { parseCatalog } from '../../src/config/catalog.js';
import { TimeoutError, VendorError } from '../../src/coufun/errors.js';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import type { Order } from '../../src/coufun/types.js';
import type { LookupOutcome } from '../../src/lookup/types.js';
import { renderLookupMessage, renderLookupModal, renderNotice, renderNoticeModal, type CardContext } from '../../src/slack/render/index.js';
import { renderBlocks, renderMessageBody, renderModal } from '../../src/workbench/blocks.js';
import type { NameBook } from '../../src/workbench/mrkdwn.js';

const NOW_MS = Date.UTC(2024, 1, 29, 15, 30, 0);
const BARCODE = '731190448902';
const names: NameBook = {
  userName: (id) => (id === 'U0ALICE' ? '앨리스' : undefined),
  channelName: (id) => (id === 'C0TRIAGE' ? 'cs-triage' : undefined),
};

function amountOrder(): Order {
  return {
    couponType: { kind: 'amount', raw: 'AMOUNT' },
    status: { kind: 'unused', raw: '000' },
    barcode: BARCODE,
    receiverMobile: '01012345678',
    orderDate: '2024-02-01',
    validEndDate: '2024-03-04',
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: 10_000,
    remainAmount: 2_500,
    expired: false,
    raw: {
      COUPON_TYPE: 'AMOUNT',
      ORDER_DATE: '20240201',
      STATUS: '000',
      RECEIVER_MOBILE: '01012345678',
      BARCODE_NUM: BARCODE,
      VALID_END_DATE: '20240304',
      TOTAL_AMOUNT: '10000',
      REMAIN_AMOUNT: '2500',
    },
  };
}

const meta = { env: 'sandbox', latencyMs: 42, cacheHit: false, answeredAt: NOW_MS } as const;
const ok = (orders: Order[]): LookupOutcome => ({
  ok: true,
  goodsId: '0000999999',
  barcode: BARCODE,
  orders,
  vendorMessage: '정상 처리되었습니다.',
  meta,
});
const failed = (error: VendorError | TimeoutError): LookupOutcome => ({ ok: false, goodsId: '0000999999', barcode: BARCODE, error, meta });
const ctx = (o: Partial<CardContext> = {}): CardContext => ({
  locale: 'ko',
  nowMs: NOW_MS,
  requesterId: 'U0ALICE',
  goodsName: '배민 상품권 1만원',
  mode: 'private',
  ...o,
});

/** The text a person reads: tags removed, entities decoded, whitespace squeezed. */
function textOf(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

function count(html: string, re: RegExp): number {
  return html.match(new RegExp(re.source, 'g'))?.length ?? 0;
}

describe('the lookup card', () => {
  it('private: header, fields, the share (primary) and refresh (default) buttons, the context footer', () => {
    const message = renderLookupMessage([ok([amountOrder()])], ctx());
    const html = renderMessageBody(message, { names });
    expect(html).toMatch(
      /<div class="bk-block bk-header" data-block-type="header"[^>]*><h3 class="bk-header-text">배민 상품권 1만원<\/h3><\/div>/,
    );
    expect(count(html, /<div class="bk-field">/)).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<div class="bk-field"><b>잔액</b><br>2,500원');
    expect(html).toContain('<div class="bk-field"><b>쿠폰번호</b><br>••••8902</div>');
    expect(html).toMatch(/<div class="bk-block bk-actions" data-block-type="actions" data-block-id="[^"]*" role="group">/);
    const share =
      /<button type="button" class="bk-button bk-button--primary" data-kind="button" data-action-id="coupon_share" data-block-id="[^"]*" data-value="([^"]*)">채널에 공유<\/button>/.exec(
        html,
      );
    expect(share).not.toBeNull();
    // The value round-trips through the attribute exactly (the page posts it back).
    expect(share![1]!.replace(/&quot;/g, '"')).toBe(JSON.stringify({ g: '0000999999', b: [BARCODE] }));
    expect(html).toMatch(
      /<button type="button" class="bk-button" data-kind="button" data-action-id="coupon_refresh"[^>]*>새로고침<\/button>/,
    );
    expect(count(html, /class="bk-context-item"/)).toBeGreaterThanOrEqual(3);
    expect(textOf(html)).toContain('요청: @앨리스');
    expect(textOf(html)).toContain('🧪');
    expect(textOf(html)).not.toContain(BARCODE);
  });

  it('shared: no buttons, names who shared it', () => {
    const html = renderMessageBody(renderLookupMessage([ok([amountOrder()])], ctx({ mode: 'shared', sharedBy: 'U0ALICE' })), { names });
    expect(html).not.toContain('<button');
    expect(textOf(html)).toContain('공유: @앨리스');
  });

  it('thread: one refresh button carrying a reference, not the barcode', () => {
    const html = renderMessageBody(
      renderLookupMessage([ok([amountOrder()])], ctx({ mode: 'thread', buttonRef: 'Zr0QmH2v4cT9xLwq1sJb8A' })),
      { names },
    );
    expect(count(html, /<button /)).toBe(1);
    expect(html).toContain('data-value="{&quot;r&quot;:&quot;Zr0QmH2v4cT9xLwq1sJb8A&quot;}"');
    expect(textOf(html)).toContain('확인: @앨리스');
  });

  it('several outcomes are separated by dividers; a transport failure adds 다시 시도', () => {
    const html = renderMessageBody(renderLookupMessage([ok([amountOrder()]), failed(new TimeoutError(5000))], ctx()), { names });
    expect(html).toContain('<hr class="bk-block bk-divider" data-block-type="divider">');
    expect(html).toMatch(/data-action-id="coupon_retry"[^>]*>다시 시도<\/button>/);
  });

  it("a vendor error quotes the vendor's message as text, never as markup", () => {
    const error = new VendorError('99', '정상 조회 & <확인 완료> <script>alert(1)</script>', resultCodeInfo('99'));
    const html = renderMessageBody(renderLookupMessage([failed(error)], ctx()), { names });
    expect(html).toContain('<blockquote class="mk-quote">');
    expect(html).toContain('&lt;확인 완료&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<확인/);
    expect(textOf(html)).toContain('정상 조회 & <확인 완료>');
  });

  it('English locale: the English words', () => {
    const html = renderMessageBody(renderLookupMessage([ok([amountOrder()])], ctx({ locale: 'en' })), { names });
    expect(textOf(html)).toContain('Requested by @앨리스');
    expect(html).toMatch(/data-action-id="coupon_share"[^>]*>Share in channel<\/button>/);
  });
});

describe('notices', () => {
  it('a section with emoji and mrkdwn, then a context; mentions and code shown as Slack shows them', () => {
    const refused = renderNotice({ kind: 'channel_refused', channelId: 'C0TRIAGE' }, 'ko');
    const html = renderMessageBody(refused, { names });
    expect(html).toMatch(/^<div class="bk-blocks"><div class="bk-block bk-section"/);
    expect(html).toContain('⛔');
    expect(html).toContain('<span class="mk-channel" data-channel-id="C0TRIAGE">#cs-triage</span>');
    expect(html).toContain('<code class="mk-code">C0TRIAGE</code>');
    expect(html).not.toContain(':no_entry:');
  });

  it('help: the catalog as a list of codes and names', () => {
    const catalog = parseCatalog('0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T').catalog;
    const html = renderMessageBody(renderNotice({ kind: 'help', command: '/coupon', catalog }, 'ko'), { names });
    expect(html).toContain('<code class="mk-code">0000999999</code> 배민 상품권 1만원');
    expect(count(html, /class="bk-context-item"/)).toBeGreaterThanOrEqual(1);
  });

  it('a message without blocks shows its mrkdwn text', () => {
    expect(renderMessageBody({ text: '*굵게* &lt;b&gt;' })).toBe('<div class="bk-message-text"><b>굵게</b> &lt;b&gt;</div>');
  });
});

describe("the shortcut's modal", () => {
  const catalog = parseCatalog('0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T').catalog;
  const goods = catalog.entries.find((e) => e.id === '0000133518')!;

  it('title, close and submit; a static_select with its initial option; a multiline input prefilled', () => {
    const view = renderLookupModal({
      locale: 'ko',
      catalog,
      barcodes: ['012345678901', '012345678902'],
      goods: [goods],
      privateMetadata: '{}',
    });
    const html = renderModal({ ...view, id: 'V1' }, { names, idPrefix: 'm' });
    expect(html).toMatch(
      /^<div class="bk-modal" role="dialog" aria-modal="true" aria-labelledby="m-title" data-view-id="V1" data-callback-id="coupon_lookup_modal">/,
    );
    expect(html).toContain('<h2 class="bk-modal-title" id="m-title">쿠폰 조회</h2>');
    expect(html).toMatch(/<button type="submit" class="bk-button bk-button--primary" data-modal="submit">조회<\/button>/);
    expect(html).toMatch(/<button type="button" class="bk-button" data-modal="close">취소<\/button>/);
    const select =
      /<select class="bk-select" id="m-goods-goods_input" name="goods\.goods_input" data-kind="static_select"[^>]*>(.*?)<\/select>/.exec(
        html,
      );
    expect(select).not.toBeNull();
    expect(select![1]).toContain('<option value="0000133518" selected>스타벅스 아메리카노 T (0000133518)</option>');
    expect(select![1]).toContain('<option value="0000999999">배민 상품권 1만원 (0000999999)</option>');
    expect(select![1]).toMatch(/^<option value="">[^<]+<\/option>/); // the placeholder, not selected
    expect(html).toContain('<label class="bk-label" for="m-goods-goods_input">상품</label>');
    expect(html).toMatch(
      /<textarea class="bk-textarea" rows="4" id="m-barcodes-barcodes_input" name="barcodes\.barcodes_input"[^>]*>012345678901\n012345678902<\/textarea>/,
    );
    expect(html).toMatch(/<div class="bk-hint" id="m-barcodes-barcodes_input-hint">/);
  });

  it('nothing found: the context note first; no goods: the placeholder is selected', () => {
    const view = renderLookupModal({
      locale: 'en',
      catalog,
      barcodes: [],
      goods: [],
      privateMetadata: '{}',
      hint: { kind: 'nothing_found' },
    });
    const html = renderModal(view, { names });
    expect(html.indexOf('bk-context')).toBeLessThan(html.indexOf('bk-input'));
    expect(html).toContain('🔍');
    expect(html).toMatch(/<option value="" selected>Choose a product<\/option>/);
    expect(html).toContain('placeholder="012345678901"');
  });

  it('inline errors from response_action: errors sit under their block, announced and linked', () => {
    const view = renderLookupModal({ locale: 'ko', catalog, barcodes: ['x'], goods: [], privateMetadata: '{}' });
    const html = renderModal(view, { idPrefix: 'm', errors: { barcodes: '입력값을 확인해 주세요 <1번째>' } });
    expect(html).toMatch(/<div class="bk-block bk-input" data-block-type="input" data-block-id="barcodes" data-invalid="true">/);
    expect(html).toContain(
      '<div class="bk-error" role="alert" id="m-barcodes-barcodes_input-error">입력값을 확인해 주세요 &lt;1번째&gt;</div>',
    );
    expect(html).toMatch(/aria-describedby="m-barcodes-barcodes_input-error m-barcodes-barcodes_input-hint"/);
    expect(html).not.toMatch(/data-block-id="goods" data-invalid/);
  });

  it('a notice modal (response_action: update): title and close only', () => {
    const html = renderModal(renderNoticeModal({ kind: 'expired_action' }, 'ko'));
    expect(html).not.toContain('type="submit"');
    expect(html).toContain('data-modal="close"');
    expect(textOf(html)).toContain('⌛');
  });
});

describe('other blocks and elements', () => {
  it('danger buttons, url buttons, plain-text sections, images without loading them, unknown types', () => {
    const blocks: KnownBlock[] = [
      {
        type: 'section',
        text: { type: 'plain_text', text: '<b>평문</b> :mag:', emoji: false },
        accessory: { type: 'button', action_id: 'del', text: { type: 'plain_text', text: '삭제' }, style: 'danger', value: 'x"y' },
      },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'go', text: { type: 'plain_text', text: '열기' }, url: 'https://example.com/?a=1&b=2' },
          { type: 'button', action_id: 'bad', text: { type: 'plain_text', text: 'js' }, url: 'javascript:alert(1)' },
        ],
      },
      { type: 'image', image_url: 'https://example.com/x.png', alt_text: '바코드 <캡처>' },
      { type: 'video' } as unknown as KnownBlock,
    ];
    const html = renderBlocks(blocks);
    expect(html).toContain('&lt;b&gt;평문&lt;/b&gt; :mag:');
    expect(html).toMatch(
      /<div class="bk-accessory"><button type="button" class="bk-button bk-button--danger" data-kind="button" data-action-id="del" data-block-id="b0" data-value="x&quot;y">삭제<\/button><\/div>/,
    );
    expect(html).toMatch(
      /<a class="bk-button" data-kind="button" data-action-id="go" data-block-id="b1" href="https:\/\/example.com\/\?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">열기<\/a>/,
    );
    expect(html).toMatch(/<button type="button" class="bk-button" data-kind="button" data-action-id="bad"[^>]*>js<\/button>/);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="바코드 &lt;캡처&gt;"');
    expect(html).toContain('<span class="bk-unsupported">[video]</span>');
  });

  it('rich_text (how a pasted or forwarded message arrives): styles, links, mentions, lists', () => {
    const html = renderBlocks(
      [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: '티켓 <#4821>', style: { bold: true } },
                { type: 'user', user_id: 'U0ALICE' },
                { type: 'emoji', name: 'pray' },
                { type: 'link', url: 'https://x.test', text: '링크' },
              ],
            },
            {
              type: 'rich_text_list',
              style: 'ordered',
              elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '하나' }] }],
            },
            { type: 'rich_text_preformatted', elements: [{ type: 'text', text: '012345678901' }] },
          ],
        },
      ] as unknown as KnownBlock[],
      { names },
    );
    expect(html).toContain('<b>티켓 &lt;#4821&gt;</b>');
    expect(html).toContain('@앨리스');
    expect(html).toContain('🙏');
    expect(html).toContain('<a class="mk-link" href="https://x.test"');
    expect(html).toContain('<ol class="bk-rt-list"><li>하나</li></ol>');
    expect(html).toContain('<pre class="mk-pre">012345678901</pre>');
  });

  it('attachments: colour bar, title, fields, escaped', () => {
    const html = renderMessageBody({
      text: '',
      attachments: [
        { color: '#36a64f', title: 'CS 티켓', fields: [{ title: '쿠폰번호 <x>', value: '001133518003' }] },
        { color: 'red;background:url(x)' },
      ],
    });
    expect(html).toContain('style="border-left-color:#36a64f"');
    expect(html).toContain('<b>쿠폰번호 &lt;x&gt;</b><br>001133518003');
    expect(html).not.toContain('url(x)');
  });
});
