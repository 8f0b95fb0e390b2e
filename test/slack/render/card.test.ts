import { describe, expect, it } from 'vitest';
import {
  BadResponseError,
  HttpStatusError,
  NetworkError,
  OversizeError,
  TimeoutError,
  ValidationError,
  type CoufunError,
} from '../../../src/coufun/errors.js';
import { ACTION_IDS, renderLookupMessage, type SlackMessage } from '../../../src/slack/render/index.js';
import { decodeActionValue } from '../../support/action-values.js';
import { checkBlockKit } from '../../support/block-kit.js';
import {
  amountOrder,
  BARCODE,
  barcodeN,
  blocksOfType,
  buttons,
  cancelledOrder,
  cardCtx,
  errOutcome,
  exchangeOrder,
  expiredOrder,
  fieldMap,
  footerTexts,
  GOODS_ID,
  headers,
  kst,
  MASKED_PHONE,
  meta,
  NOW_MS,
  okOutcome,
  PHONE,
  strayAngles,
  unknownStatusOrder,
  usedOrder,
  USER,
  vendorError,
  visibleTexts,
} from '../../support/factories.js';

const seen = (msg: SlackMessage): string => [...visibleTexts(msg.blocks), msg.text].join('\n');
const sections = (msg: SlackMessage): string[] => blocksOfType(msg, 'section').flatMap((s) => (s.text ? [s.text.text] : []));

function expectValid(msg: SlackMessage): void {
  expect(checkBlockKit(msg)).toEqual([]);
  expect(strayAngles(msg.blocks)).toEqual([]);
}

describe('card: one order, every fact', () => {
  it('amount voucher: type, status, masked number, expiry with days left, remain/total/used, order date, masked phone', () => {
    const msg = renderLookupMessage([okOutcome([amountOrder()])], cardCtx());
    expectValid(msg);
    expect(headers(msg)).toEqual([GOODS_ID]);
    expect(fieldMap(msg)).toEqual({
      유형: '금액권',
      // Partly used in words; the vendor's 000 stays visible.
      상태: '🟡 부분 사용 (쿠펀 상태 000 미사용)',
      쿠폰번호: '••••8902',
      유효기간: '2024-03-04 (3일 남음)',
      잔액: '2,500원 (총 금액 10,000원 · 사용 금액 7,500원)',
      주문일: '2024-02-01',
      수신번호: MASKED_PHONE,
    });
  });

  it('exchange voucher: no balance at all', () => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()])], cardCtx());
    expectValid(msg);
    const fields = fieldMap(msg);
    expect(fields.유형).toBe('교환권');
    expect(fields).not.toHaveProperty('잔액');
    expect(seen(msg)).not.toMatch(/원/);
  });

  it('used: status and the exchange time in KST', () => {
    const fields = fieldMap(renderLookupMessage([okOutcome([usedOrder()])], cardCtx()));
    expect(fields.상태).toBe('⚪ 사용');
    expect(fields.교환일시).toBe('2024-02-25 14:05');
    expect(fields).not.toHaveProperty('취소일시');
  });

  it('cancelled: status and the cancel time in KST', () => {
    const fields = fieldMap(renderLookupMessage([okOutcome([cancelledOrder()])], cardCtx()));
    expect(fields.상태).toBe('🔴 취소');
    expect(fields.취소일시).toBe('2024-02-21 09:07');
  });

  it('expired by date: "expired", and how many days ago', () => {
    const msg = renderLookupMessage([okOutcome([expiredOrder()])], cardCtx());
    expect(fieldMap(msg).상태).toBe('🟠 기간만료');
    expect(fieldMap(msg).유효기간).toBe('2024-02-26 (4일 전 만료)');
    const en = renderLookupMessage([okOutcome([expiredOrder()])], cardCtx({ locale: 'en' }));
    expect(fieldMap(en).Status).toBe('🟠 Expired');
    expect(fieldMap(en)['Valid until']).toBe('2024-02-26 (expired 4 days ago)');
  });

  it('expires today', () => {
    const order = exchangeOrder({ validEndDate: '2024-03-01' });
    expect(fieldMap(renderLookupMessage([okOutcome([order])], cardCtx())).유효기간).toBe('2024-03-01 (오늘까지)');
  });

  it('an unknown status code is shown raw, flagged', () => {
    const fields = fieldMap(renderLookupMessage([okOutcome([unknownStatusOrder('777')])], cardCtx()));
    expect(fields.상태).toBe('❔ 알 수 없는 상태(777)');
  });

  it('an unparsed status and type fall back to the vendor text', () => {
    const base = exchangeOrder();
    const order = exchangeOrder({ status: null, couponType: null, raw: { ...base.raw, STATUS: 'X9', COUPON_TYPE: 'GIFT' } });
    const fields = fieldMap(renderLookupMessage([okOutcome([order])], cardCtx()));
    expect(fields.상태).toBe('❔ 알 수 없는 상태(X9)');
    expect(fields.유형).toBe('알 수 없는 유형(GIFT)');
  });

  it('a raw (unparsed) expiry date is shown as sent, without a phrase', () => {
    const base = exchangeOrder();
    const order = exchangeOrder({ validEndDate: null, raw: { ...base.raw, VALID_END_DATE: '2024133' } });
    expect(fieldMap(renderLookupMessage([okOutcome([order])], cardCtx())).유효기간).toBe('2024133');
  });

  it('the product name from the catalog is the title; without it the goods ID', () => {
    expect(headers(renderLookupMessage([okOutcome([exchangeOrder()])], cardCtx({ goodsName: '아메리카노 T' })))).toEqual(['아메리카노 T']);
    expect(headers(renderLookupMessage([okOutcome([exchangeOrder()])], cardCtx()))).toEqual([GOODS_ID]);
  });

  it('vendor text is escaped in fields (a raw status cannot become markup)', () => {
    const msg = renderLookupMessage([okOutcome([unknownStatusOrder('<!here>')])], cardCtx());
    expect(fieldMap(msg).상태).toBe('❔ 알 수 없는 상태(&lt;!here&gt;)');
    expectValid(msg);
  });
});

describe('card: several orders and barcodes', () => {
  it('orders of one barcode keep the vendor order, numbered (1/3)…(3/3)', () => {
    const msg = renderLookupMessage([okOutcome([usedOrder(), amountOrder(), cancelledOrder()])], cardCtx({ goodsName: '커피' }));
    expectValid(msg);
    // The product name, the summary right under it, then each order.
    expect(headers(msg)).toEqual(['커피', '커피 (1/3)', '커피 (2/3)', '커피 (3/3)']);
    expect(sections(msg)[0]).toBe('*3건: 사용 가능 1 · 사용 1 · 취소 1*');
    expect(JSON.stringify(msg.blocks)).toContain('쿠펀이 보낸 순서대로 보여 드립니다.');
    expect([0, 1, 2].map((n) => fieldMap(msg, n).상태)).toEqual(['⚪ 사용', '🟡 부분 사용 (쿠펀 상태 000 미사용)', '🔴 취소']);
  });

  it('barcodes in request order, separated by dividers, each number masked', () => {
    const outcomes = [1, 2, 3].map((i) => okOutcome([exchangeOrder()], { barcode: barcodeN(i) }));
    const msg = renderLookupMessage(outcomes, cardCtx());
    expectValid(msg);
    expect([0, 1, 2].map((n) => fieldMap(msg, n).쿠폰번호)).toEqual(['••••7701', '••••7702', '••••7703']);
    expect(blocksOfType(msg, 'divider')).toHaveLength(2);
    expect(msg.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'divider',
      'header',
      'section',
      'divider',
      'header',
      'section',
      'actions',
      'context',
    ]);
  });

  it('a success without orders reads as an unreadable answer (and may be retried)', () => {
    const msg = renderLookupMessage([okOutcome([])], cardCtx());
    expectValid(msg);
    expect(sections(msg).join('\n')).toContain('쿠펀 서버가 성공이라고 했지만 쿠폰 정보가 없습니다.');
    expect(buttons(msg).map((b) => b.action_id)).toContain(ACTION_IDS.retry);
  });
});

describe('card: masking', () => {
  const orders = [amountOrder(), usedOrder(), cancelledOrder()];

  it.each(['private', 'shared', 'thread'] as const)('%s: no visible text or fallback holds the full barcode or phone', (mode) => {
    const msg = renderLookupMessage([okOutcome(orders), errOutcome(new TimeoutError(5000), { barcode: barcodeN(7) })], cardCtx({ mode }));
    const text = seen(msg);
    expect(text).toContain('••••8902');
    expect(text).toContain('••••7707');
    expect(text).toContain(MASKED_PHONE);
    for (const secret of [BARCODE, barcodeN(7), PHONE, '1234-5678', '010-1234']) expect(text).not.toContain(secret);
  });

  it('shared: the full barcode is nowhere in the message, not even in button values', () => {
    const msg = renderLookupMessage([okOutcome(orders)], cardCtx({ mode: 'shared' }));
    expect(JSON.stringify(msg)).not.toContain(BARCODE);
    expect(JSON.stringify(msg)).not.toContain(PHONE);
  });

  it('private: the full barcode appears only in button values (needed to repeat the lookup)', () => {
    const msg = renderLookupMessage([okOutcome(orders)], cardCtx());
    const withoutValues = JSON.stringify(msg.blocks, (key, v: unknown) => (key === 'value' ? undefined : v));
    expect(withoutValues).not.toContain(BARCODE);
    expect(buttons(msg).every((b) => decodeActionValue(b.value ?? '')?.barcodes.includes(BARCODE))).toBe(true);
  });

  it('masks the vendor raw barcode and raw phone when the typed ones are missing', () => {
    const base = exchangeOrder();
    const order = exchangeOrder({
      barcode: null,
      receiverMobile: null,
      raw: { ...base.raw, BARCODE_NUM: BARCODE, RECEIVER_MOBILE: '010-1234-5678' },
    });
    const msg = renderLookupMessage([okOutcome([order])], cardCtx({ mode: 'shared' }));
    expect(fieldMap(msg).쿠폰번호).toBe('••••8902');
    expect(fieldMap(msg).수신번호).toBe(MASKED_PHONE);
    expect(JSON.stringify(msg)).not.toContain('1234-5678');
  });

  it('falls back to the asked barcode, masked, when the order carries none', () => {
    const base = exchangeOrder();
    const { BARCODE_NUM: _dropped, ...raw } = base.raw;
    const msg = renderLookupMessage([okOutcome([exchangeOrder({ barcode: null, raw })])], cardCtx({ mode: 'shared' }));
    expect(fieldMap(msg).쿠폰번호).toBe('••••8902');
  });

  it('error cards mask the barcode too', () => {
    const msg = renderLookupMessage([errOutcome(vendorError('16', '쿠폰번호 오류'))], cardCtx({ mode: 'shared' }));
    expect(sections(msg)[0]).toContain('쿠폰번호: ••••8902');
    expect(JSON.stringify(msg)).not.toContain(BARCODE);
  });
});

describe('card: footer and sandbox banner', () => {
  it('production: env, KST time, latency and the requester; no sandbox anywhere', () => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()])], cardCtx());
    expect(footerTexts(msg)).toEqual(['📡 *운영*', '2024-03-01 00:30 KST 기준', '쿠펀 응답 42ms', `요청: <@${USER}>`]);
    expect(msg.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(msg)).not.toMatch(/샌드박스|모의|🧪/);
  });

  it('sandbox: a banner on top, the footer says so, and so does the fallback text (ko and en)', () => {
    const outcomes = [okOutcome([exchangeOrder()], { meta: meta({ env: 'sandbox' }) })];
    const ko = renderLookupMessage(outcomes, cardCtx());
    expectValid(ko);
    expect(ko.blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '🧪 *샌드박스 (모의 데이터)* — 실제 쿠폰 정보가 아닙니다' }],
    });
    expect(footerTexts(ko)[0]).toBe('🧪 *샌드박스 (모의 데이터)*');
    expect(ko.text.split('\n')[0]).toBe('🧪 샌드박스 (모의 데이터)');

    const en = renderLookupMessage(outcomes, cardCtx({ locale: 'en' }));
    expect(visibleTexts(en.blocks[0])).toEqual(['🧪 *Sandbox (simulated data)* — not real coupon data']);
    expect(en.text.split('\n')[0]).toBe('🧪 Sandbox (simulated data)');
  });

  it('one sandbox answer among production ones still gets the banner, and both envs are named', () => {
    const msg = renderLookupMessage(
      [okOutcome([exchangeOrder()]), okOutcome([exchangeOrder()], { barcode: barcodeN(2), meta: meta({ env: 'sandbox' }) })],
      cardCtx(),
    );
    expect(visibleTexts(msg.blocks[0]).join()).toContain('샌드박스');
    expect(footerTexts(msg).slice(0, 2)).toEqual(['📡 *운영*', '🧪 *샌드박스 (모의 데이터)*']);
  });

  it('the vendor test server is named', () => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()], { meta: meta({ env: 'test' }) })], cardCtx());
    expect(footerTexts(msg)[0]).toBe('🔧 *테스트 서버*');
    expect(msg.blocks[0]?.type).toBe('header');
  });

  it('a cache hit says so; several answers give a time range and a cache count', () => {
    const cached = renderLookupMessage([okOutcome([exchangeOrder()], { meta: meta({ cacheHit: true, latencyMs: 0 }) })], cardCtx());
    expect(footerTexts(cached)).toContain('캐시된 응답');

    const two = renderLookupMessage(
      [
        okOutcome([exchangeOrder()], { meta: meta({ cacheHit: true, answeredAt: NOW_MS - 60_000 }) }),
        okOutcome([exchangeOrder()], { barcode: barcodeN(2) }),
      ],
      cardCtx(),
    );
    expect(footerTexts(two)).toEqual(['📡 *운영*', '2024-03-01 00:29–00:30 KST 기준', '캐시된 응답 1/2건', `요청: <@${USER}>`]);
  });

  it('answers on different KST days show both dates', () => {
    const msg = renderLookupMessage(
      [
        okOutcome([exchangeOrder()], { meta: meta({ cacheHit: true, answeredAt: NOW_MS - 3_600_000 }) }),
        okOutcome([exchangeOrder()], { barcode: barcodeN(2) }),
      ],
      cardCtx({ locale: 'en' }),
    );
    expect(footerTexts(msg)[1]).toBe('as of 2024-02-29 23:30–2024-03-01 00:30 KST');
  });

  it('slowest latency when nothing was cached', () => {
    const msg = renderLookupMessage(
      [
        okOutcome([exchangeOrder()], { meta: meta({ latencyMs: 40 }) }),
        okOutcome([exchangeOrder()], { barcode: barcodeN(2), meta: meta({ latencyMs: 1_234 }) }),
      ],
      cardCtx(),
    );
    expect(footerTexts(msg)).toContain('쿠펀 응답 1.2초');
  });
});

describe('card: modes', () => {
  const outcomes = [okOutcome([exchangeOrder()]), okOutcome([usedOrder()], { barcode: barcodeN(2) })];

  it('private: share (primary) and refresh, both carrying the goods and every barcode; "요청:"', () => {
    const msg = renderLookupMessage(outcomes, cardCtx({ mode: 'private' }));
    expectValid(msg);
    const bs = buttons(msg);
    expect(bs.map((b) => [b.action_id, b.text.text, b.style])).toEqual([
      [ACTION_IDS.share, '채널에 공유', 'primary'],
      [ACTION_IDS.refresh, '새로고침', undefined],
    ]);
    for (const b of bs) expect(decodeActionValue(b.value ?? '')).toEqual({ goodsId: GOODS_ID, barcodes: [BARCODE, barcodeN(2)] });
    expect(footerTexts(msg).at(-1)).toBe(`요청: <@${USER}>`);
  });

  it('shared: no buttons, names who shared (defaults to the requester)', () => {
    const msg = renderLookupMessage(outcomes, cardCtx({ mode: 'shared', sharedBy: 'U0SHARER1' }));
    expectValid(msg);
    expect(blocksOfType(msg, 'actions')).toEqual([]);
    expect(footerTexts(msg).at(-1)).toBe('공유: <@U0SHARER1>');
    expect(footerTexts(renderLookupMessage(outcomes, cardCtx({ mode: 'shared' }))).at(-1)).toBe(`공유: <@${USER}>`);
  });

  it('thread: refresh only, carrying the reference instead of any barcode, "확인:"', () => {
    const msg = renderLookupMessage(outcomes, cardCtx({ mode: 'thread', buttonRef: 'Zr0QmH2v4cT9xLwq1sJb8A' }));
    expectValid(msg);
    expect(buttons(msg).map((b) => b.action_id)).toEqual([ACTION_IDS.refresh]);
    expect(buttons(msg)[0]?.value).toBe('{"r":"Zr0QmH2v4cT9xLwq1sJb8A"}');
    // The whole message, button values included, is readable by the channel: no barcode at all.
    expect(JSON.stringify(msg)).not.toContain(BARCODE);
    expect(footerTexts(msg).at(-1)).toBe(`확인: <@${USER}>`);
  });

  it('thread: no button without a reference (never the barcodes in a channel)', () => {
    expect(blocksOfType(renderLookupMessage(outcomes, cardCtx({ mode: 'thread' })), 'actions')).toEqual([]);
  });

  it('thread: no retry button even when a retry would help', () => {
    const msg = renderLookupMessage([errOutcome(new TimeoutError(5000))], cardCtx({ mode: 'thread', buttonRef: 'Zr0QmH2v4cT9xLwq1sJb8A' }));
    expect(buttons(msg).map((b) => b.action_id)).toEqual([ACTION_IDS.refresh]);
  });

  it('duplicate barcodes are carried once', () => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()]), okOutcome([exchangeOrder()])], cardCtx());
    expect(decodeActionValue(buttons(msg)[0]?.value ?? '')).toEqual({ goodsId: GOODS_ID, barcodes: [BARCODE] });
  });

  it('a requester that is not a Slack user ID is shown as escaped text, never as markup', () => {
    const msg = renderLookupMessage(outcomes, cardCtx({ requesterId: '<!channel>' }));
    expect(footerTexts(msg).at(-1)).toBe('요청: &lt;!channel&gt;');
    expectValid(msg);
  });

  const retryable: ReadonlyArray<readonly [string, CoufunError]> = [
    ['timeout', new TimeoutError(5000)],
    ['network', new NetworkError('ECONNRESET')],
    ['HTTP 503', new HttpStatusError(503)],
    ['bad response', new BadResponseError('truncated')],
    ['vendor 50', vendorError('50', '시스템 점검 중입니다')],
  ];
  it.each(retryable)('private: a retry button repeating the whole card when a failure may pass (%s)', (_name, error) => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()]), errOutcome(error, { barcode: barcodeN(2) })], cardCtx());
    expectValid(msg);
    const bs = buttons(msg);
    // One way to look again: 다시 시도 replaces 새로고침.
    expect(bs.map((b) => b.action_id)).toEqual([ACTION_IDS.share, ACTION_IDS.retry]);
    expect(bs[1]?.text.text).toBe('다시 시도');
    // The whole card, so the replaced card keeps the answer that arrived (served from the cache).
    expect(decodeActionValue(bs[1]?.value ?? '')).toEqual({ goodsId: GOODS_ID, barcodes: [BARCODE, barcodeN(2)] });
  });

  const final: ReadonlyArray<readonly [string, CoufunError]> = [
    ['vendor 16', vendorError('16', '쿠폰번호 오류')],
    ['validation', new ValidationError('BARCODE_NUM', 'charset', { char: '#' })],
  ];
  it.each(final)('private: no retry button when retrying cannot help (%s)', (_name, error) => {
    const msg = renderLookupMessage([errOutcome(error)], cardCtx());
    expectValid(msg);
    expect(buttons(msg).map((b) => b.action_id)).toEqual([ACTION_IDS.share, ACTION_IDS.refresh]);
  });

  const operatorOnly: ReadonlyArray<readonly [string, CoufunError]> = [
    ['vendor 01', vendorError('01', '등록되지 않은 IP입니다')],
    ['vendor 02', vendorError('02', 'POC_ID 오류')],
    ['vendor 98', vendorError('98', '권한 없음')],
    ['HTTP 404', new HttpStatusError(404)],
    ['oversize', new OversizeError(65_536)],
    ['unknown host', new NetworkError('DNS lookup failed', { retryable: false })],
  ];
  it.each(operatorOnly)('private: no share button on a failure only the operator can fix (%s)', (_name, error) => {
    const msg = renderLookupMessage([errOutcome(error)], cardCtx());
    expectValid(msg);
    expect(buttons(msg).map((b) => b.action_id)).toEqual([ACTION_IDS.refresh]);
  });

  it('private: share stays when an answer sits beside the operator problem', () => {
    const msg = renderLookupMessage(
      [okOutcome([exchangeOrder()]), errOutcome(vendorError('01', 'IP'), { barcode: barcodeN(2) })],
      cardCtx(),
    );
    expect(buttons(msg).map((b) => b.action_id)).toEqual([ACTION_IDS.share, ACTION_IDS.refresh]);
  });

  it('no buttons at all when the barcode could not be carried in a value', () => {
    const absurd = 'X'.repeat(101);
    const msg = renderLookupMessage(
      [errOutcome(new ValidationError('BARCODE_NUM', 'max_bytes', { limit: 30, actual: 101 }), { barcode: absurd })],
      cardCtx(),
    );
    expect(blocksOfType(msg, 'actions')).toEqual([]);
    expectValid(msg);
  });
});

describe('card: error blocks', () => {
  it('vendor failure: code in the title, the vendor message verbatim (quoted), the hint', () => {
    const msg = renderLookupMessage([errOutcome(vendorError('16', '유효하지 않은 쿠폰번호입니다.'))], cardCtx());
    expectValid(msg);
    expect(sections(msg)).toEqual([
      '⚠️ *사용 가능 여부 확인 불가* · *쿠펀 응답: 쿠폰번호 오류 (코드 16)*\n쿠폰번호: ••••8902\n> 유효하지 않은 쿠폰번호입니다.\n_쿠폰번호를 다시 확인해 주세요. 쿠폰에 적힌 번호를 그대로 입력해야 합니다._',
    ]);
    expect(msg.text).toBe(`${GOODS_ID} ••••8902: 사용 가능 여부 확인 불가 · 쿠펀 응답: 쿠폰번호 오류 (코드 16)`);
  });

  it('escapes markup in the vendor message: <script> and & become entities', () => {
    const msg = renderLookupMessage([errOutcome(vendorError('99', '<script>alert(1)</script> & <@U999> 오류'))], cardCtx());
    expectValid(msg);
    const text = sections(msg)[0] ?? '';
    expect(text).toContain('> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U999&gt; 오류');
    expect(JSON.stringify(msg)).not.toContain('<script>');
    expect(JSON.stringify(msg)).not.toContain('<@U999>');
  });

  it('quotes every line of a multi-line vendor message', () => {
    const text = sections(renderLookupMessage([errOutcome(vendorError('99', '첫 줄\r\n둘째 줄\n셋째 줄'))], cardCtx()))[0] ?? '';
    expect(text).toContain('> 첫 줄\n> 둘째 줄\n> 셋째 줄');
  });

  it('an empty vendor message says so', () => {
    const text = sections(renderLookupMessage([errOutcome(vendorError('16', '  '))], cardCtx()))[0] ?? '';
    expect(text).toContain('> (쿠펀이 메시지를 보내지 않았습니다)');
  });

  it('a very long vendor message is cut with …', () => {
    const text = sections(renderLookupMessage([errOutcome(vendorError('99', '가'.repeat(1000)))], cardCtx()))[0] ?? '';
    expect(text).toContain(`> ${'가'.repeat(299)}…`);
    expect(text).not.toContain('가'.repeat(300));
  });

  it('operator codes (01: IP not registered) point at the bot operator', () => {
    const msg = renderLookupMessage([errOutcome(vendorError('01', '등록되지 않은 IP 입니다.'))], cardCtx());
    const text = sections(msg)[0] ?? '';
    expect(text.startsWith('🛠️ *사용 가능 여부 확인 불가* · *쿠펀 응답: 등록되지 않은 IP (코드 01)*')).toBe(true);
    expect(text).toContain('> 등록되지 않은 IP 입니다.');
    expect(text).toMatch(/_봇 서버의 IP가 쿠펀에 등록되어 있지 않습니다\. .*봇 운영자에게 알려 주세요\._$/);
    const en = sections(renderLookupMessage([errOutcome(vendorError('01', 'unregistered ip'))], cardCtx({ locale: 'en' })))[0] ?? '';
    expect(en).toContain('*Coufun: IP address not registered (code 01)*');
    expect(en).toContain('bot operator');
  });

  it('an unknown vendor code is named and the message shown', () => {
    const text = sections(renderLookupMessage([errOutcome(vendorError('77', '알 수 없는 오류'))], cardCtx()))[0] ?? '';
    expect(text).toContain('❓ *사용 가능 여부 확인 불가* · *쿠펀 응답: 알 수 없는 코드 77*');
    expect(text).toContain('> 알 수 없는 오류');
    expect(text).toContain('결과 코드(77)');
  });

  const transport: ReadonlyArray<readonly [string, CoufunError, string]> = [
    [
      'HTML error page',
      new BadResponseError('not_xml', '<html><body><h1>502 Bad Gateway</h1></body></html>'),
      '다른 내용(예: 오류 페이지)',
    ],
    ['wrong XML', new BadResponseError('wrong_root', '<?xml version="1.0"?><error>oops</error>'), '쿠폰 조회 결과 형식이 아닙니다'],
    ['timeout', new TimeoutError(5000), '5초 안에 응답하지 않았습니다'],
    ['network', new NetworkError('ECONNREFUSED'), '(ECONNREFUSED)'],
    ['HTTP 502', new HttpStatusError(502), 'HTTP 502'],
    ['oversize', new OversizeError(65_536), '65,536바이트'],
  ];
  it.each(transport)('transport failure (%s): plain words, never raw XML/HTML', (_name, error, words) => {
    const msg = renderLookupMessage([errOutcome(error)], cardCtx());
    expectValid(msg);
    const all = JSON.stringify(msg);
    expect(sections(msg)[0]).toContain(words);
    for (const raw of ['<html', '&lt;html', '<?xml', '&lt;?xml', 'Bad Gateway', '<error>', 'oops']) expect(all).not.toContain(raw);
  });

  it('mixes orders and errors in request order', () => {
    const msg = renderLookupMessage(
      [
        okOutcome([exchangeOrder()]),
        errOutcome(vendorError('16', '오류'), { barcode: barcodeN(2) }),
        okOutcome([usedOrder()], { barcode: barcodeN(3) }),
      ],
      cardCtx(),
    );
    expectValid(msg);
    expect(msg.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'divider',
      'section',
      'divider',
      'header',
      'section',
      'actions',
      'context',
    ]);
    expect(msg.text.split('\n')).toEqual([
      `${GOODS_ID} ••••8902: 사용 가능 · 유효기간 2024-04-30 (60일 남음)`,
      `${GOODS_ID} ••••7702: 사용 가능 여부 확인 불가 · 쿠펀 응답: 쿠폰번호 오류 (코드 16)`,
      `${GOODS_ID} ••••7703: 사용 불가 · 사용됨 (2024-02-25 14:05)`,
    ]);
  });
});

describe('card: English', () => {
  it('every word in English, amounts as ₩', () => {
    const msg = renderLookupMessage([okOutcome([amountOrder(), usedOrder()])], cardCtx({ locale: 'en', goodsName: 'Coffee' }));
    expectValid(msg);
    expect(headers(msg)).toEqual(['Coffee', 'Coffee (1/2)', 'Coffee (2/2)']);
    expect(fieldMap(msg)).toEqual({
      Type: 'Stored-value voucher',
      Status: '🟡 Partly used (Coufun status 000: Unused)',
      'Coupon number': '••••8902',
      'Valid until': '2024-03-04 (3 days left)',
      Balance: '₩2,500 (Face value ₩10,000 · Used ₩7,500)',
      Ordered: '2024-02-01',
      Recipient: MASKED_PHONE,
    });
    expect(fieldMap(msg, 1).Exchanged).toBe('2024-02-25 14:05');
    expect(buttons(msg).map((b) => b.text.text)).toEqual(['Share in channel', 'Refresh']);
    expect(footerTexts(msg)).toEqual([
      '📡 *Production*',
      'as of 2024-03-01 00:30 KST',
      'Coufun answered in 42ms',
      `Requested by <@${USER}>`,
    ]);
    expect(msg.text).toBe(
      'Coffee ••••8902: 2 orders: usable 1 · used 1, Usable · partly used · balance ₩2,500 of ₩10,000 · valid until 2024-03-04 (3 days left), Not usable · used on 2024-02-25 14:05',
    );
    expect(seen(msg)).not.toMatch(/[가-힣]/);
  });

  it('English error card and modes', () => {
    const msg = renderLookupMessage([errOutcome(vendorError('16', '쿠폰번호 오류'))], cardCtx({ locale: 'en', mode: 'shared' }));
    expect(sections(msg)[0]).toBe(
      '⚠️ *Cannot tell whether it can be used* · *Coufun: coupon number error (code 16)*\nCoupon number: ••••8902\n> 쿠폰번호 오류\n_Check the coupon number: enter it exactly as printed on the coupon._',
    );
    expect(footerTexts(msg).at(-1)).toBe(`Shared by <@${USER}>`);
    expect(footerTexts(renderLookupMessage([errOutcome(new TimeoutError(2500))], cardCtx({ locale: 'en', mode: 'thread' }))).at(-1)).toBe(
      `Checked by <@${USER}>`,
    );
  });
});

describe('card: fallback text', () => {
  it('one line per barcode: title, masked number, status, remaining balance, expiry date', () => {
    const msg = renderLookupMessage(
      [okOutcome([amountOrder(), cancelledOrder()]), okOutcome([expiredOrder()], { barcode: barcodeN(2) })],
      cardCtx({ goodsName: '커피' }),
    );
    expect(msg.text).toBe(
      '커피 ••••8902: 2건: 사용 가능 1 · 취소 1, 사용 가능 · 부분 사용 · 잔액 2,500원 / 10,000원 · 유효기간 2024-03-04 (3일 남음), 사용 불가 · 취소됨 (2024-02-21 09:07)\n' +
        '커피 ••••7702: 사용 불가 · 기간 만료 (2024-02-26까지 유효, 4일 전 만료)',
    );
  });

  it('escapes what Slack would parse, and is never empty', () => {
    const msg = renderLookupMessage([okOutcome([exchangeOrder()])], cardCtx({ goodsName: 'A&B <x>' }));
    expect(msg.text).toBe('A&amp;B &lt;x&gt; ••••8902: 사용 가능 · 유효기간 2024-04-30 (60일 남음)');
    const empty = renderLookupMessage([], cardCtx());
    expect(empty.text).toBe('-');
    expect(checkBlockKit(empty)).toEqual([]);
  });

  it('is a pure function of its inputs', () => {
    const outcomes = [okOutcome([amountOrder(), usedOrder()]), errOutcome(new TimeoutError(5000), { barcode: barcodeN(2) })];
    expect(renderLookupMessage(outcomes, cardCtx())).toEqual(renderLookupMessage(outcomes, cardCtx()));
  });

  it('KST, not the machine time zone: a late-evening UTC exchange is the next KST day', () => {
    const order = usedOrder({ exchangedAt: kst(2024, 2, 29, 23, 59) });
    expect(fieldMap(renderLookupMessage([okOutcome([order])], cardCtx())).교환일시).toBe('2024-02-29 23:59');
    // 2024-02-29 15:30 UTC is already March 1st in Seoul.
    expect(footerTexts(renderLookupMessage([okOutcome([order])], cardCtx()))[1]).toBe('2024-03-01 00:30 KST 기준');
  });
});

describe('card: vendor messages never show a bearer value or a phone number whole', () => {
  it('masks the barcode asked about and long digit runs, keeps the rest verbatim', async () => {
    const { cleanVendorText: maskVendorMessage } = await import('../../../src/display/vendor-text.js');
    expect(maskVendorMessage('쿠폰 012345678902 은(는) 이미 사용되었습니다', '012345678902')).toBe(
      '쿠폰 ••••8902 은(는) 이미 사용되었습니다',
    );
    expect(maskVendorMessage('수신자 010-1234-5678 확인 필요', 'ABCDEFGH12')).toBe('수신자 ••••5678 확인 필요');
    expect(maskVendorMessage('잔액 10000원, 코드 16', '012345678902')).toBe('잔액 10000원, 코드 16');
    expect(maskVendorMessage('CF-ABCD-1234 오류', 'CF-ABCD-1234')).toBe('••••1234 오류');
  });
});
