/**
 * The `coupon_lookup` message shortcut end to end: signed `message_action` payloads into the real
 * Bolt HTTP receiver, the built-in sandbox as Coufun, and a fake Slack Web API that records the
 * thread replies and can refuse them (not in channel, 429 with Retry-After).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lookups, postsInThread, readable, refreshRequest, settled, threadPost, vendorRequests } from '../../support/thread-cards.js';
import { allText, startHarness, type Harness } from '../../support/bot-harness.js';
import type { ApiHandler } from '../../support/fake-slack.js';
import { ALLOWED, DENIED, richTextBlock, shortcutPayload, type ShortcutMessage } from '../../support/payloads.js';

const BAEMIN = { id: '0000999999', name: '배민 상품권 1만원' };
const AMERICANO = { id: '0000133518', name: '스타벅스 아메리카노 T' };

let seq = 0;
/** A fresh message ts per test, so each test finds its own thread reply among the recorded calls. */
function nextTs(): string {
  seq += 1;
  return `1700100${String(seq).padStart(3, '0')}.000100`;
}

/** A normal chat.postMessage answer, to undo a test's failing handler. */
const postOk: ApiHandler = (params) => ({
  body: { ok: true, channel: params.channel, ts: `1700900000.${String(Date.now() % 1e6).padStart(6, '0')}` },
});

async function runShortcut(h: Harness, message: ShortcutMessage, opts: { user?: string; channel?: string } = {}) {
  const responseUrl = h.slack.responseUrl();
  const answer = await h.interact(shortcutPayload({ message, responseUrl, ...opts }));
  return { answer, responseUrl };
}

describe('message shortcut: goods and barcode in the message → card in its thread', () => {
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

  it('acks before the reply, then posts the card in the thread naming who checked, barcode masked', async () => {
    const ts = nextTs();
    // Hold the thread reply until the shortcut's HTTP answer is in: a bot that posted before
    // acking would never get its answer out, and this test would time out.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    h.slack.on('chat.postMessage', async (params, i) => {
      if (params.thread_ts === ts) await held;
      return postOk(params, i);
    });
    const before = lookups(h);

    const { answer, responseUrl } = await runShortcut(
      h,
      { text: `${BAEMIN.name} 쿠폰 012345678902 사용이 안 된다고 합니다`, ts },
      { user: 'U0DIRECT' },
    );
    expect(answer).toEqual({ status: 200, body: '' });
    release();

    const post = await threadPost(h, ts);
    expect(post.params.channel).toBe(ALLOWED);
    expect(post.params.thread_ts).toBe(ts);
    const text = readable(post.params);
    expect(text).toContain('확인: <@U0DIRECT>');
    expect(text).toContain(BAEMIN.name);
    expect(text).toContain('••••8902');
    expect(text).toContain('2,500원'); // the sandbox's partly used voucher: it really was looked up
    expect(text).not.toContain('012345678902');
    expect(String(post.params.text)).toContain('••••8902');
    // Everything posted in the channel, button values included, is free of the full barcode.
    expect(JSON.stringify(post.params)).not.toContain('012345678902');
    expect(await refreshRequest(h, post.params)).toEqual({ g: BAEMIN.id, b: ['012345678902'] });

    await settled(h);
    expect(lookups(h) - before).toBe(1);
    expect(postsInThread(h, ts)).toHaveLength(1);
    expect(h.slack.callsTo('views.open').filter((c) => c.params.trigger_id === `trigger-${ts}`)).toHaveLength(0);
    expect(h.slack.postsTo(responseUrl)).toEqual([]);
    const audit = h.logs.filter((l) => l.msg === 'lookup' && l.user === 'U0DIRECT');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entry: 'shortcut', channel: ALLOWED, goods: BAEMIN.id, barcode: '••••8902' });
    expect(JSON.stringify(h.logs)).not.toContain('012345678902');
  });

  it('answers in the existing thread when the message is itself a thread reply', async () => {
    const parent = nextTs();
    const ts = nextTs();
    await runShortcut(h, { text: `${BAEMIN.name} 012345678901 안 써져요`, ts, thread_ts: parent }, { user: 'U0THREAD' });

    const post = await threadPost(h, parent);
    expect(post.params.thread_ts).toBe(parent);
    expect(readable(post.params)).toContain('확인: <@U0THREAD>');
    expect(postsInThread(h, ts)).toHaveLength(0);
  });

  it.each([
    ['hyphen-grouped', '0123-4567-8902', '012345678902', '2,500원'],
    ['space-grouped', '0123 4567 8901', '012345678901', '10,000원'],
  ])('reads a %s coupon number (%s) as the sandbox barcode %s', async (_kind, written, barcode, balance) => {
    const ts = nextTs();
    await runShortcut(
      h,
      { text: `[CS] ${BAEMIN.name} 쿠폰번호 ${written} 사용불가 문의, 수신번호 010-9876-5432`, ts },
      { user: 'U0GROUPED' },
    );

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: BAEMIN.id, b: [barcode] });
    expect(readable(post.params)).toContain(`••••${barcode.slice(-4)}`);
    expect(readable(post.params)).toContain(balance);
  });

  it('finds goods and barcode in rich_text blocks when the text is empty', async () => {
    const ts = nextTs();
    await runShortcut(
      h,
      { text: '', ts, blocks: [richTextBlock(`고객 문의: ${AMERICANO.name} 쿠폰 0011-3351-8002 이미 사용됐다고 나옵니다`)] },
      { user: 'U0BLOCKS' },
    );

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518002'] });
    expect(readable(post.params)).toContain(AMERICANO.name);
    expect(readable(post.params)).toContain('••••8002');
  });

  it('finds goods and barcode in attachments when the text is empty', async () => {
    const ts = nextTs();
    const attachments = [
      {
        fallback: '새 CS 티켓',
        title: `CS 티켓 #4821 — ${AMERICANO.name}`,
        fields: [
          { title: '쿠폰번호', value: '001133518003', short: true },
          { title: '연락처', value: '010-2222-3333', short: true },
        ],
      },
    ];
    await runShortcut(h, { text: '', ts, attachments }, { user: 'U0ATTACH' });

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518003'] });
    expect(readable(post.params)).toContain('••••8003');
  });

  it('writes the card in English for an English Slack locale', async () => {
    h.slack.locales.set('U0ENGLISH', 'en-US');
    const ts = nextTs();
    await runShortcut(h, { text: `${BAEMIN.name} 012345678901`, ts }, { user: 'U0ENGLISH' });

    const post = await threadPost(h, ts);
    expect(readable(post.params)).toContain('Checked by <@U0ENGLISH>');
  });
});

describe('message shortcut: when the thread reply cannot be posted', () => {
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

  it.each(['not_in_channel', 'channel_not_found'])(
    '%s: tells the user privately to invite the bot, and shows the card privately',
    async (error) => {
      const ts = nextTs();
      h.slack.on('chat.postMessage', (params, i) => (params.thread_ts === ts ? { body: { ok: false, error } } : postOk(params, i)));
      const { answer, responseUrl } = await runShortcut(h, { text: `${BAEMIN.name} 012345678902`, ts }, { user: 'U0NOTIN' });
      expect(answer.status).toBe(200);

      const notice = await h.slack.post(responseUrl, 1);
      expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(allText(notice)).toContain('/invite @coupon-bot');
      expect(allText(notice)).toContain(`<#${ALLOWED}>`);
      const card = await h.slack.post(responseUrl, 2);
      expect(card).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(readable(card)).toContain('••••8902');
      expect(readable(card)).toContain('요청: <@U0NOTIN>');
      expect(readable(card)).not.toContain('012345678902');

      await settled(h);
      expect(postsInThread(h, ts)).toHaveLength(1);
      expect(h.slack.postsTo(responseUrl)).toHaveLength(2);
      expect(h.logs.filter((l) => l.msg === 'thread_post_failed' && l.user === 'U0NOTIN').at(-1)).toMatchObject({
        reason: 'not_in_channel',
        detail: error,
      });
    },
  );

  it('429 with Retry-After: 1 → waits, retries and posts the card once', async () => {
    const ts = nextTs();
    let attempts = 0;
    h.slack.on('chat.postMessage', (params, i) => {
      if (params.thread_ts !== ts) return postOk(params, i);
      attempts += 1;
      return attempts === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }
        : postOk(params, i);
    });
    const { responseUrl } = await runShortcut(h, { text: `${BAEMIN.name} 012345678901`, ts }, { user: 'U0RETRY' });

    const retried = await threadPost(h, ts, 2);
    expect(readable(retried.params)).toContain('확인: <@U0RETRY>');
    await settled(h);
    expect(attempts).toBe(2);
    expect(postsInThread(h, ts)).toHaveLength(2);
    expect(h.slack.postsTo(responseUrl)).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'thread_post_failed' && l.user === 'U0RETRY')).toEqual([]);
  });

  it('429 with a Retry-After beyond the wait budget → gives up at once and answers privately', async () => {
    const ts = nextTs();
    h.slack.on('chat.postMessage', (params, i) =>
      params.thread_ts === ts
        ? { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } }
        : postOk(params, i),
    );
    const { responseUrl } = await runShortcut(h, { text: `${BAEMIN.name} 012345678901`, ts }, { user: 'U0GIVEUP' });

    const notice = await h.slack.post(responseUrl, 1);
    expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(notice)).toContain('스레드에 답을 올리지 못했습니다');
    expect(allText(notice)).toContain('Slack이 잠시 전송을 제한했습니다');
    expect(allText(notice)).not.toContain('retry-after');
    const card = await h.slack.post(responseUrl, 2);
    expect(readable(card)).toContain('••••8901');
    // Nothing is left sleeping on the hour-long Retry-After.
    await settled(h);
    expect(postsInThread(h, ts)).toHaveLength(1);
    expect(h.logs.filter((l) => l.msg === 'thread_post_failed' && l.user === 'U0GIVEUP').at(-1)).toMatchObject({ reason: 'rate_limited' });
  });
});

describe('message shortcut: refused channel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens no modal, looks nothing up, and tells the user privately which channel ID to allow', async () => {
    const lookupsBefore = lookups(h);
    const requestsBefore = vendorRequests(h);
    const direct = nextTs();
    const modal = nextTs();
    const a = await runShortcut(h, { text: `${BAEMIN.name} 쿠폰 SIM20000001`, ts: direct }, { channel: DENIED, user: 'U0DENIED' });
    const b = await runShortcut(h, { text: '쿠폰이 안 돼요', ts: modal }, { channel: DENIED, user: 'U0DENIED' });
    expect(a.answer.status).toBe(200);
    expect(b.answer.status).toBe(200);

    for (const { responseUrl } of [a, b]) {
      const notice = await h.slack.post(responseUrl, 1);
      expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(allText(notice)).toContain(`\`${DENIED}\``);
      expect(allText(notice)).toContain('ALLOWED_CHANNEL_IDS');
    }
    await settled(h);
    expect(h.slack.callsTo('views.open')).toEqual([]);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(lookups(h)).toBe(lookupsBefore);
    expect(vendorRequests(h)).toBe(requestsBefore);
    expect(h.logs.filter((l) => l.msg === 'channel_refused' && l.entry === 'shortcut')).toHaveLength(2);
  });
});

describe('message shortcut: per-user rate limit', () => {
  const PER_MINUTE = 5;
  let h: Harness;
  let offsetMs = 0;
  beforeAll(async () => {
    h = await startHarness({ COUPON_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) }, { clock: () => Date.now() + offsetMs });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a shortcut over the limit privately, with no lookup and no modal; other users and a later minute are unaffected', async () => {
    const first = nextTs();
    await runShortcut(
      h,
      { text: `${BAEMIN.name} 012345678901 012345678902 012345678903 012345678904 012345678905`, ts: first },
      { user: 'U0BUSY' },
    );
    await threadPost(h, first);
    await settled(h);
    const lookupsBefore = lookups(h);

    // 5 used + 1 more > 5: refused before the lookup.
    const direct = nextTs();
    const over = await runShortcut(h, { text: `${BAEMIN.name} 012345678901`, ts: direct }, { user: 'U0BUSY' });
    expect(over.answer.status).toBe(200);
    const notice = await h.slack.post(over.responseUrl, 1);
    expect(notice).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(notice)).toContain('조회가 너무 잦습니다');

    // The form path is refused too once not even one lookup fits: no form that could not be used.
    const modal = nextTs();
    const overModal = await runShortcut(h, { text: '쿠폰 012345678903 012345678904 확인 부탁', ts: modal }, { user: 'U0BUSY' });
    expect(allText(await h.slack.post(overModal.responseUrl, 1))).toContain('조회가 너무 잦습니다');

    await settled(h);
    expect(lookups(h)).toBe(lookupsBefore);
    expect(postsInThread(h, direct)).toEqual([]);
    expect(h.slack.callsTo('views.open')).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'rate_limited' && l.user === 'U0BUSY' && l.entry === 'shortcut')).toHaveLength(2);

    const other = nextTs();
    await runShortcut(h, { text: `${BAEMIN.name} 012345678901 012345678902`, ts: other }, { user: 'U0IDLE' });
    expect(readable((await threadPost(h, other)).params)).toContain('확인: <@U0IDLE>');

    offsetMs += 61_000;
    const later = nextTs();
    await runShortcut(h, { text: `${BAEMIN.name} 012345678901 012345678905`, ts: later }, { user: 'U0BUSY' });
    expect(readable((await threadPost(h, later)).params)).toContain('확인: <@U0BUSY>');
  });
});
