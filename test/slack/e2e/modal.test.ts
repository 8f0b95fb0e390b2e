/**
 * The shortcut's modal end to end: what the shortcut prefills when it cannot look up at once
 * (views.open), and what a submission does (inline errors, channel re-check from
 * private_metadata, the card in the thread, private fallbacks to the shortcut's response_url).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeModalMetadata } from '../../../src/slack/input/metadata.js';
import { lookups, postsInThread, readable, refreshRequest, settled, threadPost } from '../../support/thread-cards.js';
import { allText, startHarness, type Harness } from '../../support/bot-harness.js';
import type { ApiCall, ApiHandler } from '../../support/fake-slack.js';
import { ALLOWED, DENIED, shortcutPayload, submissionPayload, type GoodsState, type ShortcutMessage } from '../../support/payloads.js';

const BAEMIN = { id: '0000999999', name: '배민 상품권 1만원' };
const AMERICANO = { id: '0000133518', name: '스타벅스 아메리카노 T' };
const SANDBOX_GOODS_IDS = ['0000133518', '0000999999', '0000250117', '0000412290', '0000777001'];

let seq = 0;
function nextTs(): string {
  seq += 1;
  return `1700200${String(seq).padStart(3, '0')}.000100`;
}

const postOk: ApiHandler = (params) => ({ body: { ok: true, channel: params.channel, ts: '1700900000.000100' } });

interface Select {
  readonly options: { value: string; text: { text: string } }[];
  readonly initial_option?: { value: string };
}

interface OpenedModal {
  readonly call: ApiCall;
  readonly view: Record<string, unknown>;
  readonly goods: Select & { type: string };
  readonly barcodes: { initial_value?: string };
  readonly responseUrl: string;
}

/** Run the shortcut on `message` and return the modal it opened. */
async function openModal(h: Harness, message: ShortcutMessage, user: string): Promise<OpenedModal> {
  const responseUrl = h.slack.responseUrl();
  const triggerId = `trigger-${message.ts}`;
  const answer = await h.interact(shortcutPayload({ message, responseUrl, user, triggerId }));
  expect(answer).toEqual({ status: 200, body: '' });
  await h.slack.waitFor(() => h.slack.callsTo('views.open').some((c) => c.params.trigger_id === triggerId), 10_000, 'views.open');
  const call = h.slack.callsTo('views.open').find((c) => c.params.trigger_id === triggerId)!;
  const view = call.params.view as Record<string, unknown>;
  const block = (id: string) => (view.blocks as { block_id?: string; element: unknown }[]).find((b) => b.block_id === id)?.element;
  return { call, view, goods: block('goods') as OpenedModal['goods'], barcodes: block('barcodes') as OpenedModal['barcodes'], responseUrl };
}

async function submit(h: Harness, opts: { meta: string; goods: GoodsState; barcodes?: string; user: string }) {
  const answer = await h.interact(
    submissionPayload({
      privateMetadata: opts.meta,
      goods: opts.goods,
      user: opts.user,
      ...(opts.barcodes !== undefined ? { barcodes: opts.barcodes } : {}),
    }),
  );
  return { status: answer.status, body: answer.body === '' ? null : (JSON.parse(answer.body) as Record<string, unknown>) };
}

const select = (goods: { id: string; name: string }): GoodsState => ({
  kind: 'select',
  value: goods.id,
  label: `${goods.name} (${goods.id})`,
});

describe('shortcut modal: prefilled from the message', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    h.slack.on('views.open', () => ({ body: { ok: true, view: { id: 'V1' } } }));
  });

  it('no goods in the message → opens the modal with the trigger_id, the catalog to choose from and the barcodes found', async () => {
    const parent = nextTs();
    const ts = nextTs();
    const before = lookups(h);
    const modal = await openModal(
      h,
      { text: '고객님 쿠폰 0123-4567-8902, 0123 4567 8901 둘 다 안 된대요', ts, thread_ts: parent },
      'U0PREFILL',
    );

    expect(modal.view).toMatchObject({ type: 'modal', callback_id: 'coupon_lookup_modal' });
    expect(modal.goods.type).toBe('static_select');
    expect(modal.goods.options.map((o) => o.value)).toEqual(SANDBOX_GOODS_IDS);
    expect(modal.goods.options.map((o) => o.text.text)).toContain(`${BAEMIN.name} (${BAEMIN.id})`);
    expect(modal.goods.initial_option).toBeUndefined();
    expect(modal.barcodes.initial_value).toBe('012345678902\n012345678901');
    // The modal answers in the thread the message is in, and keeps the shortcut's response_url.
    expect(JSON.parse(String(modal.view.private_metadata))).toEqual({ c: ALLOWED, t: parent, r: modal.responseUrl });

    await settled(h);
    expect(lookups(h)).toBe(before);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(h.slack.postsTo(modal.responseUrl)).toEqual([]);
  });

  it('several goods named → no preselected goods, and a note asking to choose', async () => {
    const modal = await openModal(
      h,
      { text: `${BAEMIN.name}이랑 ${AMERICANO.name} 쿠폰 012345678901 확인 부탁드립니다`, ts: nextTs() },
      'U0SEVERAL',
    );

    expect(modal.goods.initial_option).toBeUndefined();
    expect(modal.barcodes.initial_value).toBe('012345678901');
    const note = allText((modal.view.blocks as Record<string, unknown>[]).filter((b) => b.type === 'context'));
    expect(note).toContain('상품이 여러 개');
    expect(note).toContain(BAEMIN.name);
    expect(note).toContain(AMERICANO.name);
  });

  it('goods but no barcode → goods preselected, barcodes empty, with a hint to type them', async () => {
    const ts = nextTs();
    const modal = await openModal(h, { text: `${AMERICANO.name} 교환이 안 된다는 문의입니다. 연락처 010-1234-5678`, ts }, 'U0NOBARCODE');

    expect(modal.goods.initial_option?.value).toBe(AMERICANO.id);
    expect(modal.barcodes.initial_value).toBeUndefined();
    expect(allText(modal.view.blocks)).toContain('메시지에서 쿠폰번호를 찾지 못했습니다');
    expect(JSON.parse(String(modal.view.private_metadata))).toMatchObject({ t: ts });
  });

  it('views.open fails → the user is told privately, with a reference', async () => {
    h.slack.on('views.open', () => ({ body: { ok: false, error: 'expired_trigger_id' } }));
    const responseUrl = h.slack.responseUrl();
    await h.interact(shortcutPayload({ message: { text: '쿠폰 012345678901', ts: nextTs() }, responseUrl, user: 'U0NOMODAL' }));

    const notice = await h.slack.post(responseUrl, 1);
    expect(notice).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(notice)).toMatch(/참조 번호 `modal-[0-9a-z]+`/);
    expect(h.logs.filter((l) => l.msg === 'modal_open_failed' && l.user === 'U0NOMODAL')).toHaveLength(1);
  });
});

describe('shortcut modal: submission', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    h.slack.on('chat.postMessage', postOk);
  });

  it('valid → the modal closes (empty ack) and the card is posted in the thread from private_metadata', async () => {
    const ts = nextTs();
    const responseUrl = h.slack.responseUrl();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts, responseUrl });
    const before = lookups(h);

    const answer = await submit(h, {
      meta,
      goods: select(BAEMIN),
      barcodes: ' 0123-4567-8902\n0123 4567 8901, 012345678902\n',
      user: 'U0SUBMIT',
    });
    expect(answer).toEqual({ status: 200, body: null });

    const post = await threadPost(h, ts);
    expect(post.params.channel).toBe(ALLOWED);
    const text = readable(post.params);
    expect(text).toContain('확인: <@U0SUBMIT>');
    expect(text).toContain(BAEMIN.name);
    expect(text).toContain('••••8902');
    expect(text).toContain('••••8901');
    expect(text).not.toContain('012345678902');
    // One coupon per line or comma; printed grouping inside a line and duplicates are dropped.
    expect(await refreshRequest(h, post.params)).toEqual({ g: BAEMIN.id, b: ['012345678902', '012345678901'] });
    await settled(h);
    expect(lookups(h) - before).toBe(2);
    expect(h.logs.filter((l) => l.msg === 'lookup' && l.user === 'U0SUBMIT').map((l) => l.entry)).toEqual(['modal', 'modal']);
    expect(h.slack.postsTo(responseUrl)).toEqual([]);
  });

  it('goods typed by name (text input) is resolved through the catalog', async () => {
    const ts = nextTs();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts });
    const answer = await submit(h, {
      meta,
      goods: { kind: 'text', value: ` ${AMERICANO.name} ` },
      barcodes: '001133518001',
      user: 'U0TYPED',
    });
    expect(answer.body).toBeNull();

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518001'] });
    expect(readable(post.params)).toContain(AMERICANO.name);
  });

  it.each([
    ['a 31-character barcode', `012345678901\n${'1'.repeat(31)}`, ['2번째 쿠폰번호']],
    ['no barcode at all', undefined, ['쿠폰번호를 하나 이상 입력해 주세요']],
    ['only blank lines', ' \n\n , ', ['쿠폰번호를 하나 이상 입력해 주세요']],
    [
      '6 barcodes',
      ['012345678901', '012345678902', '012345678903', '012345678904', '012345678905', '001133518001'].join('\n'),
      ['6개', '5개까지'],
    ],
    ['a barcode with Korean letters', '쿠폰012345678901', ['1번째 쿠폰번호']],
  ])('invalid: %s → inline error on the barcodes block, nothing looked up', async (_what, barcodes, expected) => {
    const ts = nextTs();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts });
    const before = lookups(h);

    const answer = await submit(h, { meta, goods: select(BAEMIN), ...(barcodes !== undefined ? { barcodes } : {}), user: 'U0INVALID' });
    expect(answer.status).toBe(200);
    expect(answer.body?.response_action).toBe('errors');
    const errors = answer.body?.errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual(['barcodes']);
    for (const part of expected) expect(errors.barcodes).toContain(part);

    await settled(h);
    expect(lookups(h)).toBe(before);
    expect(postsInThread(h, ts)).toEqual([]);
  });

  it('invalid: no goods chosen → inline error on the goods block, nothing looked up', async () => {
    const ts = nextTs();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts });
    const before = lookups(h);

    const answer = await submit(h, { meta, goods: { kind: 'none' }, barcodes: '012345678901', user: 'U0NOGOODS' });
    expect(answer.body?.response_action).toBe('errors');
    expect(Object.keys(answer.body?.errors as Record<string, string>)).toEqual(['goods']);
    await settled(h);
    expect(lookups(h)).toBe(before);
    expect(postsInThread(h, ts)).toEqual([]);
  });

  it('private_metadata naming a denied channel → refused in the modal, nothing looked up or posted', async () => {
    const ts = nextTs();
    const responseUrl = h.slack.responseUrl();
    const meta = encodeModalMetadata({ channelId: DENIED, threadTs: ts, responseUrl });
    const before = lookups(h);
    const requests = h.bot.lookup.sandbox!.requestCount();

    const answer = await submit(h, { meta, goods: select(BAEMIN), barcodes: 'SIM30000001', user: 'U0SNEAKY' });
    expect(answer.status).toBe(200);
    expect(answer.body?.response_action).toBe('update');
    const view = answer.body?.view as Record<string, unknown>;
    expect(view.type).toBe('modal');
    expect(allText(view.blocks)).toContain(`\`${DENIED}\``);
    expect(allText(view.blocks)).toContain('ALLOWED_CHANNEL_IDS');

    await settled(h);
    expect(lookups(h)).toBe(before);
    expect(h.bot.lookup.sandbox!.requestCount()).toBe(requests);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === DENIED)).toEqual([]);
    expect(h.slack.postsTo(responseUrl)).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'channel_refused' && l.entry === 'modal' && l.user === 'U0SNEAKY')).toHaveLength(1);
  });

  // A modal from an older bot version (unreadable metadata) is an expired form, not a refusal.
  it('undecodable private_metadata → the expired-form notice, nothing looked up', async () => {
    const before = lookups(h);
    const answer = await submit(h, { meta: 'v0:not-json', goods: select(BAEMIN), barcodes: '012345678901', user: 'U0OLDFORM' });
    expect(answer.body?.response_action).toBe('update');
    const text = allText((answer.body?.view as Record<string, unknown> | undefined)?.blocks);
    expect(lookups(h)).toBe(before);
    expect(text).not.toContain('`?`');
    expect(text).toContain('더 이상 쓸 수 없습니다');
  });

  it('bot not in the channel → invite notice and the card privately at the shortcut’s response_url', async () => {
    const ts = nextTs();
    h.slack.on('chat.postMessage', (params, i) =>
      params.thread_ts === ts ? { body: { ok: false, error: 'not_in_channel' } } : postOk(params, i),
    );
    const responseUrl = h.slack.responseUrl();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts, responseUrl });

    const answer = await submit(h, { meta, goods: select(BAEMIN), barcodes: '012345678901', user: 'U0MODALNOTIN' });
    expect(answer.body).toBeNull();

    const notice = await h.slack.post(responseUrl, 1);
    expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(notice)).toContain('/invite @coupon-bot');
    const card = await h.slack.post(responseUrl, 2);
    expect(readable(card)).toContain('••••8901');
    expect(readable(card)).toContain('요청: <@U0MODALNOTIN>');
    await settled(h);
    expect(postsInThread(h, ts)).toHaveLength(1);
  });
});

describe('shortcut modal: rate limit on submission', () => {
  const PER_MINUTE = 5;
  let h: Harness;
  let offsetMs = 0;
  beforeAll(async () => {
    h = await startHarness({ COUPON_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) }, { clock: () => Date.now() + offsetMs });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a submission over the limit gets an inline error on the barcodes block and no lookup', async () => {
    const first = nextTs();
    const ok = await submit(h, {
      meta: encodeModalMetadata({ channelId: ALLOWED, threadTs: first }),
      goods: select(BAEMIN),
      barcodes: '012345678901\n012345678902\n012345678905',
      user: 'U0MBUSY',
    });
    expect(ok.body).toBeNull();
    await threadPost(h, first);
    await settled(h);
    const before = lookups(h);

    const second = nextTs();
    const over = await submit(h, {
      meta: encodeModalMetadata({ channelId: ALLOWED, threadTs: second }),
      goods: select(BAEMIN),
      barcodes: '012345678903\n012345678904\n012345678901',
      user: 'U0MBUSY',
    });
    expect(over.body?.response_action).toBe('errors');
    expect((over.body?.errors as Record<string, string> | undefined)?.barcodes).toContain('조회가 너무 잦습니다');
    await settled(h);
    expect(lookups(h)).toBe(before);
    expect(postsInThread(h, second)).toEqual([]);

    offsetMs += 61_000;
    const later = nextTs();
    const again = await submit(h, {
      meta: encodeModalMetadata({ channelId: ALLOWED, threadTs: later }),
      goods: select(BAEMIN),
      barcodes: '012345678903\n012345678904',
      user: 'U0MBUSY',
    });
    expect(again.body).toBeNull();
    await threadPost(h, later);
  });

  // Only a submission that will be looked up is charged: fixing the goods must not cost quota.
  it('a submission refused for its goods does not use up the rate limit', async () => {
    const ts = nextTs();
    const meta = encodeModalMetadata({ channelId: ALLOWED, threadTs: ts });
    const barcodes = '012345678901\n012345678902\n012345678903';

    const refused = await submit(h, { meta, goods: { kind: 'none' }, barcodes, user: 'U0FIXGOODS' });
    expect(Object.keys(refused.body?.errors as Record<string, string>)).toEqual(['goods']);

    // The same person picks the goods and submits again: nothing was looked up yet, so the
    // whole budget must still be there.
    const fixed = await submit(h, { meta, goods: select(BAEMIN), barcodes, user: 'U0FIXGOODS' });
    expect(fixed.body).toBeNull();
    await threadPost(h, ts);
  });
});
