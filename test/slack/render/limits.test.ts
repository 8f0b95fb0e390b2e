import type { KnownBlock, View } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../../src/coufun/errors.js';
import type { Order } from '../../../src/coufun/types.js';
import type { Locale } from '../../../src/display/index.js';
import { fitBody, fitsMessage, type BodyItem } from '../../../src/slack/render/card-fit.js';
import { LIMITS, renderLookupMessage, type SlackMessage } from '../../../src/slack/render/index.js';
import { checkBlockKit } from '../../support/block-kit.js';
import {
  amountOrder,
  barcodeN,
  blocksOfType,
  buttons,
  cancelledOrder,
  cardCtx,
  errOutcome,
  exchangeOrder,
  expiredOrder,
  headers,
  kst,
  meta,
  okOutcome,
  strayAngles,
  unknownStatusOrder,
  usedOrder,
  vendorError,
  visibleTexts,
} from '../../support/factories.js';

/** A message that is fine except for what a test adds. */
function message(blocks: unknown[], text = 'fallback'): SlackMessage {
  return { text, blocks: blocks as KnownBlock[] };
}
function modal(extra: Record<string, unknown>, blocks: unknown[] = []): View {
  return { type: 'modal', title: { type: 'plain_text', text: 'Title' }, blocks: blocks as KnownBlock[], ...extra } as View;
}
const sectionOf = (text: string, type = 'mrkdwn'): unknown => ({ type: 'section', text: { type, text } });
const button = (actionId: string, extra: Record<string, unknown> = {}): unknown => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: 'Go' },
  ...extra,
});
const option = (value: string, text = value): unknown => ({ text: { type: 'plain_text', text }, value });
const select = (extra: Record<string, unknown>): unknown => ({ type: 'static_select', action_id: 'sel', ...extra });
const inputBlock = (element: unknown, extra: Record<string, unknown> = {}): unknown => ({
  type: 'input',
  block_id: 'in',
  label: { type: 'plain_text', text: 'Label' },
  element,
  ...extra,
});

describe('checkBlockKit: accepts what Slack accepts', () => {
  it('a plain message at the limits', () => {
    const blocks = [
      sectionOf('x'.repeat(LIMITS.sectionText)),
      ...Array.from({ length: LIMITS.messageBlocks - 1 }, () => ({ type: 'divider' })),
    ];
    expect(checkBlockKit(message(blocks))).toEqual([]);
  });

  it('a modal with 100 blocks, a 24-character title, inputs and submit', () => {
    const blocks = [
      inputBlock({ type: 'plain_text_input', action_id: 'a', initial_value: 'x'.repeat(LIMITS.textInputLength) }),
      ...Array.from({ length: LIMITS.viewBlocks - 1 }, () => ({ type: 'divider' })),
    ];
    expect(
      checkBlockKit(modal({ title: { type: 'plain_text', text: 'x'.repeat(24) }, submit: { type: 'plain_text', text: 'OK' } }, blocks)),
    ).toEqual([]);
  });

  it('a select whose initial option is one of its options (also in option groups)', () => {
    const flat = select({ options: [option('a'), option('b')], initial_option: option('b') });
    const grouped = select({
      action_id: 'sel2',
      option_groups: [{ label: { type: 'plain_text', text: 'g' }, options: [option('a'), option('b')] }],
      initial_option: option('a'),
    });
    expect(checkBlockKit(message([{ type: 'actions', elements: [flat, grouped] }]))).toEqual([]);
  });
});

describe('checkBlockKit: catches real violations', () => {
  it('51 blocks in a message', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(checkBlockKit(message(blocks))).toEqual(['blocks: 51 blocks (max 50)']);
  });

  it('101 blocks in a view', () => {
    const blocks = Array.from({ length: 101 }, () => ({ type: 'divider' }));
    expect(checkBlockKit(modal({}, blocks))).toEqual(['blocks: 101 blocks (max 100)']);
  });

  it('a 3001-character section', () => {
    expect(checkBlockKit(message([sectionOf('x'.repeat(3001))]))).toEqual([
      'blocks[0] (section).text: text has 3001 characters (max 3000)',
    ]);
  });

  it('a duplicate action_id (across blocks)', () => {
    const blocks = [
      { type: 'actions', elements: [button('dup')] },
      { type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: button('dup') },
    ];
    expect(checkBlockKit(message(blocks))).toEqual(['blocks[1] (section).accessory (button): action_id "dup" is not unique']);
  });

  it('a duplicate block_id', () => {
    const blocks = [
      { type: 'divider', block_id: 'b' },
      { type: 'divider', block_id: 'b' },
    ];
    expect(checkBlockKit(message(blocks))).toEqual(['blocks[1]: block_id "b" is not unique']);
  });

  it('a 25-character modal title (and submit, close)', () => {
    const long = { type: 'plain_text', text: 'x'.repeat(25) };
    expect(checkBlockKit(modal({ title: long }))).toEqual(['view.title: text has 25 characters (max 24)']);
    expect(checkBlockKit(modal({ submit: long, close: long }))).toEqual([
      'view.submit: text has 25 characters (max 24)',
      'view.close: text has 25 characters (max 24)',
    ]);
  });

  it('a select initial_option that is not among the options', () => {
    const blocks = [inputBlock(select({ options: [option('a'), option('b')], initial_option: option('c') }))];
    expect(checkBlockKit(modal({ submit: { type: 'plain_text', text: 'OK' } }, blocks))).toEqual([
      'blocks[0] (input).element (static_select): initial_option is not one of the options',
    ]);
  });

  it('blocks larger than the conservative total', () => {
    const blocks = Array.from({ length: 5 }, () => sectionOf('x'.repeat(2900)));
    const problems = checkBlockKit(message(blocks));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^blocks: \d+ characters of JSON \(max 12000\)$/);
  });

  it('a missing or blank fallback text', () => {
    expect(checkBlockKit(message([{ type: 'divider' }], ' '))).toEqual(['text: fallback text is missing or empty']);
    expect(checkBlockKit({ blocks: [] } as unknown as SlackMessage)).toEqual(['text: fallback text is missing or empty']);
  });

  it('blocks that are not an array', () => {
    expect(checkBlockKit({ text: 'x', blocks: 'nope' } as unknown as SlackMessage)).toEqual(['blocks: must be an array']);
  });

  it.each<[string, unknown, string]>([
    ['mrkdwn header', { type: 'header', text: { type: 'mrkdwn', text: 'x' } }, 'blocks[0] (header).text: must be plain_text, is mrkdwn'],
    [
      '151-character header',
      { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
      'blocks[0] (header).text: text has 151 characters (max 150)',
    ],
    ['empty section text', sectionOf(''), 'blocks[0] (section).text: text is empty'],
    ['section without text or fields', { type: 'section' }, 'blocks[0] (section): needs text or fields'],
    ['unknown text type', sectionOf('x', 'markdown'), 'blocks[0] (section).text: must be plain_text or mrkdwn, is markdown'],
    [
      '11 fields',
      { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
      'blocks[0] (section).fields: has 11 items (max 10)',
    ],
    [
      'a 2001-character field',
      { type: 'section', fields: [{ type: 'mrkdwn', text: 'x'.repeat(2001) }] },
      'blocks[0] (section).fields[0]: text has 2001 characters (max 2000)',
    ],
    ['empty fields', { type: 'section', fields: [] }, 'blocks[0] (section).fields: must be a non-empty array'],
    [
      '11 context elements',
      { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
      'blocks[0] (context).elements: has 11 items (max 10)',
    ],
    [
      '26 buttons',
      { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) },
      'blocks[0] (actions).elements: has 26 items (max 25)',
    ],
    [
      'a 76-character button',
      { type: 'actions', elements: [{ ...(button('b') as object), text: { type: 'plain_text', text: 'x'.repeat(76) } }] },
      'blocks[0] (actions).elements[0] (button).text: text has 76 characters (max 75)',
    ],
    [
      'a mrkdwn button',
      { type: 'actions', elements: [{ ...(button('b') as object), text: { type: 'mrkdwn', text: 'x' } }] },
      'blocks[0] (actions).elements[0] (button).text: must be plain_text, is mrkdwn',
    ],
    [
      'a 2001-character button value',
      { type: 'actions', elements: [button('b', { value: 'v'.repeat(2001) })] },
      'blocks[0] (actions).elements[0] (button): value has 2001 characters (max 2000)',
    ],
    [
      'a 256-character action_id',
      { type: 'actions', elements: [button('a'.repeat(256))] },
      'blocks[0] (actions).elements[0] (button): action_id has 256 characters (max 255)',
    ],
    [
      'an empty action_id',
      { type: 'actions', elements: [button('')] },
      'blocks[0] (actions).elements[0] (button): action_id must be a non-empty string',
    ],
    ['a 256-character block_id', { type: 'divider', block_id: 'b'.repeat(256) }, 'blocks[0]: block_id has 256 characters (max 255)'],
    [
      '101 options',
      { type: 'actions', elements: [select({ options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)) })] },
      'blocks[0] (actions).elements[0] (static_select).options: has 101 items (max 100)',
    ],
    [
      'no options',
      { type: 'actions', elements: [select({ options: [] })] },
      'blocks[0] (actions).elements[0] (static_select).options: must be a non-empty array',
    ],
    [
      'a 76-character option',
      { type: 'actions', elements: [select({ options: [option('a', 'x'.repeat(76))] })] },
      'blocks[0] (actions).elements[0] (static_select).options[0].text: text has 76 characters (max 75)',
    ],
    [
      'a 151-character option value',
      { type: 'actions', elements: [select({ options: [option('v'.repeat(151), 'x')] })] },
      'blocks[0] (actions).elements[0] (static_select).options[0]: value has 151 characters (max 150)',
    ],
    [
      'an empty option value',
      { type: 'actions', elements: [select({ options: [option('', 'x')] })] },
      'blocks[0] (actions).elements[0] (static_select).options[0]: value must be a non-empty string',
    ],
    [
      'a 151-character placeholder',
      { type: 'actions', elements: [select({ options: [option('a')], placeholder: { type: 'plain_text', text: 'p'.repeat(151) } })] },
      'blocks[0] (actions).elements[0] (static_select).placeholder: text has 151 characters (max 150)',
    ],
  ])('message: %s', (_name, block, problem) => {
    expect(checkBlockKit(message([block]))).toEqual([problem]);
  });

  it.each<[string, Record<string, unknown>, unknown[], string]>([
    [
      'input without submit',
      {},
      [inputBlock({ type: 'plain_text_input', action_id: 'a' })],
      'view.submit: required when the view has input blocks',
    ],
    [
      'a 3001-character initial value',
      { submit: { type: 'plain_text', text: 'OK' } },
      [inputBlock({ type: 'plain_text_input', action_id: 'a', initial_value: 'x'.repeat(3001) })],
      'blocks[0] (input).element (plain_text_input): initial_value has 3001 characters (max 3000)',
    ],
    [
      'max_length over 3000',
      { submit: { type: 'plain_text', text: 'OK' } },
      [inputBlock({ type: 'plain_text_input', action_id: 'a', max_length: 3001 })],
      'blocks[0] (input).element (plain_text_input): max_length 3001 (max 3000)',
    ],
    [
      'a mrkdwn input label',
      { submit: { type: 'plain_text', text: 'OK' } },
      [inputBlock({ type: 'plain_text_input', action_id: 'a' }, { label: { type: 'mrkdwn', text: 'L' } })],
      'blocks[0] (input).label: must be plain_text, is mrkdwn',
    ],
    [
      'a 2001-character hint',
      { submit: { type: 'plain_text', text: 'OK' } },
      [inputBlock({ type: 'plain_text_input', action_id: 'a' }, { hint: { type: 'plain_text', text: 'h'.repeat(2001) } })],
      'blocks[0] (input).hint: text has 2001 characters (max 2000)',
    ],
    [
      'input without element',
      { submit: { type: 'plain_text', text: 'OK' } },
      [inputBlock(undefined)],
      'blocks[0] (input).element: element missing',
    ],
    [
      '3001 characters of private metadata',
      { private_metadata: 'm'.repeat(3001) },
      [],
      'view.private_metadata: 3001 characters (max 3000)',
    ],
    ['a 256-character callback_id', { callback_id: 'c'.repeat(256) }, [], 'view.callback_id: 256 characters (max 255)'],
    ['a missing title', { title: undefined }, [], 'view.title: text object missing'],
  ])('view: %s', (_name, extra, blocks, problem) => {
    expect(checkBlockKit(modal(extra, blocks))).toEqual([problem]);
  });

  it('reports every problem, not just the first', () => {
    const blocks = [sectionOf('x'.repeat(3001)), { type: 'actions', elements: [button('a'), button('a')] }];
    expect(checkBlockKit(message(blocks, ''))).toHaveLength(3);
  });
});

describe('fitsMessage / fitBody', () => {
  const line = (n: number): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `order ${n}` } });
  const big = (chars: number): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(chars) } });

  it('fitsMessage: block count and JSON size', () => {
    expect(fitsMessage(Array.from({ length: 50 }, (_, i) => line(i)))).toBe(true);
    expect(fitsMessage(Array.from({ length: 51 }, (_, i) => line(i)))).toBe(false);
    expect(fitsMessage([big(2900), big(2900), big(2900), big(2900)])).toBe(true);
    expect(fitsMessage([big(2900), big(2900), big(2900), big(2900), big(2900)])).toBe(false);
  });

  it('fitBody: keeps every "keep" item, the first orders that fit, and counts the rest', () => {
    const reserved = Array.from({ length: 45 }, (_, i) => line(1000 + i));
    const items: BodyItem[] = [
      { kind: 'order', block: line(1) },
      { kind: 'keep', block: line(2) },
      ...Array.from({ length: 10 }, (_, i): BodyItem => ({ kind: 'order', block: line(10 + i) })),
    ];
    const { blocks, dropped } = fitBody(items, reserved);
    // 45 reserved + 1 keep leave room for 4 orders, taken in order.
    expect(blocks).toEqual([line(1), line(2), line(10), line(11), line(12)]);
    expect(dropped).toBe(7);
    expect(reserved.length + blocks.length).toBe(LIMITS.messageBlocks);
  });

  it('fitBody: stops at the first order that does not fit, so there is never a gap', () => {
    const items: BodyItem[] = [
      { kind: 'order', block: big(5000) },
      { kind: 'order', block: big(7000) },
      { kind: 'order', block: line(3) },
    ];
    const { blocks, dropped } = fitBody(items, []);
    expect(blocks).toEqual([big(5000)]);
    expect(dropped).toBe(2);
  });

  it('fitBody: everything fits, nothing dropped', () => {
    const items: BodyItem[] = [1, 2, 3].map((n) => ({ kind: 'order', block: line(n) }));
    expect(fitBody(items, [line(0)])).toEqual({ blocks: items.map((i) => i.block), dropped: 0 });
  });
});

describe('huge cards stay inside the limits', () => {
  /** Ten orders of every kind, amounts and long raw values included. */
  function tenOrders(i: number): Order[] {
    const kinds = [amountOrder, usedOrder, cancelledOrder, expiredOrder, exchangeOrder];
    return Array.from({ length: 10 }, (_, j) => {
      const order =
        j === 9 ? unknownStatusOrder(`S${i}${j}-${'?'.repeat(40)}`) : (kinds[j % kinds.length] as (o?: Partial<Order>) => Order)();
      return { ...order, barcode: barcodeN(i), raw: { ...order.raw, BARCODE_NUM: barcodeN(i) } };
    });
  }
  const GOODS_NAME = '아주 긴 상품 이름 '.repeat(10).trim();
  const isOrderLine = (t: string): boolean => /^(🟢|🟡|⚪|🔴|🟠|❔) \*/.test(t);
  const orderLines = (msg: SlackMessage): string[] =>
    blocksOfType(msg, 'section').flatMap((s) => (s.text && isOrderLine(s.text.text) ? [s.text.text] : []));

  function expectInside(msg: SlackMessage): void {
    expect(checkBlockKit(msg)).toEqual([]);
    expect(strayAngles(msg.blocks)).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(JSON.stringify(msg.blocks).length).toBeLessThanOrEqual(LIMITS.blocksJson);
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (let i = 0; i < 5; i += 1) expect([...visibleTexts(msg.blocks), msg.text].join('\n')).not.toContain(barcodeN(i));
  }

  it.each<[Locale, RegExp]>([
    ['ko', /^➕ 주문 (\d+)건은 표시하지 못했습니다/],
    ['en', /^➕ (\d+) more orders not shown/],
  ])('5 barcodes × 10 orders (%s): compact, first orders in request order, says how many were left off', (locale, notShown) => {
    const outcomes = Array.from({ length: 5 }, (_, i) =>
      okOutcome(tenOrders(i), { barcode: barcodeN(i), meta: meta({ env: i === 2 ? 'sandbox' : 'production' }) }),
    );
    const msg = renderLookupMessage(outcomes, cardCtx({ locale, goodsName: GOODS_NAME }));
    expectInside(msg);

    expect(headers(msg)).toEqual([GOODS_NAME]);
    const lines = orderLines(msg);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(50);
    // Request order: barcode i's ten orders before barcode i+1's.
    const masks = lines.map((l) => /••••(\d{4})/.exec(l)?.[1]);
    expect(masks).toEqual(Array.from({ length: lines.length }, (_, k) => `77${String(Math.floor(k / 10)).padStart(2, '0')}`));

    const note = visibleTexts(msg.blocks)
      .map((t) => notShown.exec(t))
      .find((m) => m !== null);
    expect(Number(note?.[1])).toBe(50 - lines.length);
    // Buttons and footer survive the squeeze; the sandbox banner too.
    expect(buttons(msg)).toHaveLength(2);
    expect(msg.blocks.at(-1)?.type).toBe('context');
    expect(visibleTexts(msg.blocks[0]).join()).toMatch(/🧪/);
  });

  it('3 × 10 orders and 2 vendor errors with long, hostile messages: the errors are always kept', () => {
    const hostile = `<b>&</b>\n${'긴 메시지 & <태그> '.repeat(300)}`;
    const outcomes = [
      okOutcome(tenOrders(0), { barcode: barcodeN(0) }),
      errOutcome(vendorError('99', hostile), { barcode: barcodeN(1) }),
      okOutcome(tenOrders(2), { barcode: barcodeN(2) }),
      errOutcome(vendorError('77', hostile), { barcode: barcodeN(3) }),
      okOutcome(tenOrders(4), { barcode: barcodeN(4) }),
    ];
    const msg = renderLookupMessage(outcomes, cardCtx());
    expectInside(msg);
    const errors = blocksOfType(msg, 'section').flatMap((s) => (s.text?.text.includes('쿠펀 응답') ? [s.text.text] : []));
    expect(errors).toHaveLength(2);
    for (const e of errors) {
      expect(e).toContain('> &lt;b&gt;&amp;&lt;/b&gt;');
      expect(e).toContain('…');
    }
    const lines = orderLines(msg);
    const note = visibleTexts(msg.blocks)
      .map((t) => /주문 (\d+)건은 표시하지 못했습니다/.exec(t))
      .find((m) => m !== null);
    expect(lines.length + Number(note?.[1] ?? 0)).toBe(30);
  });

  it('five hostile vendor errors fit without switching layout', () => {
    const outcomes = Array.from({ length: 5 }, (_, i) => errOutcome(vendorError('16', '&<>'.repeat(2000)), { barcode: barcodeN(i) }));
    const msg = renderLookupMessage(outcomes, cardCtx({ locale: 'en' }));
    expectInside(msg);
    expect(blocksOfType(msg, 'section')).toHaveLength(5);
    expect(JSON.stringify(msg)).not.toContain('Many orders');
  });

  it('3 × 10 orders: compact, every order shown, nothing left off', () => {
    const outcomes = Array.from({ length: 3 }, (_, i) => okOutcome(tenOrders(i), { barcode: barcodeN(i) }));
    const msg = renderLookupMessage(outcomes, cardCtx());
    expectInside(msg);
    expect(visibleTexts(msg.blocks)).toContain('주문이 많아 요약해서 보여 드립니다.');
    expect(orderLines(msg)).toHaveLength(30);
    expect(JSON.stringify(msg)).not.toContain('표시하지 못했습니다');
  });

  it('2 × 10 orders: few enough blocks (43) but too much JSON for the full layout, so compact', () => {
    const order = amountOrder({ exchangedAt: kst(2024, 2, 25, 14, 5) });
    const outcomes = Array.from({ length: 2 }, (_, i) =>
      okOutcome(
        Array.from({ length: 10 }, () => order),
        { barcode: barcodeN(i) },
      ),
    );
    const name = '상품'.repeat(70);
    const full = renderLookupMessage([outcomes[0]!], cardCtx({ goodsName: name }));
    // One barcode alone is the full layout, and twice its body is more than the size budget.
    // The product name over the summary, then one header per order.
    expect(headers(full)).toHaveLength(11);
    expect(2 * JSON.stringify(full.blocks).length).toBeGreaterThan(LIMITS.blocksJson + 1000);

    const msg = renderLookupMessage(outcomes, cardCtx({ goodsName: name }));
    expectInside(msg);
    expect(headers(msg)).toEqual([name]);
    expect(orderLines(msg)).toHaveLength(20);
    expect(orderLines(msg)[0]).toBe(
      '🟡 *사용 가능* · 부분 사용 · 잔액 2,500원 / 10,000원 · 유효기간 2024-03-04 (3일 남음) · 금액권 · 쿠폰번호 ••••7700',
    );
  });

  it('one barcode with 10 orders keeps the full layout', () => {
    const msg = renderLookupMessage(
      [okOutcome(tenOrders(0), { barcode: barcodeN(0) }), errOutcome(new TimeoutError(5000), { barcode: barcodeN(1) })],
      cardCtx(),
    );
    expectInside(msg);
    expect(headers(msg)).toHaveLength(11);
    expect(headers(msg)[10]).toBe('0000999999 (10/10)');
    // Share and one way to look again (다시 시도, since the timeout may pass).
    expect(buttons(msg)).toHaveLength(2);
  });
});
