/**
 * `@coupon-bot` mentions end to end over HTTP: signed `event_callback` bodies into the real Bolt
 * receiver at /slack/events, the built-in sandbox as Coufun, and the fake Slack Web API
 * recording the thread posts and the private (`chat.postEphemeral`) notices.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, allText, startHarness, type Harness, type SlackHttpAnswer } from '../../support/bot-harness.js';
import type { ApiCall, ApiHandler } from '../../support/fake-slack.js';
import { ALLOWED, DENIED, buttonPayload, BOT_USER, mentionEvent, richTextBlock, type MentionOptions } from '../../support/payloads.js';
import { signedHeaders } from '../../support/signing.js';
import { lookups, postsInThread, readable, refreshRequest, settled, threadPost, vendorRequests } from '../../support/thread-cards.js';

const BAEMIN = { id: '0000999999', name: '배민 상품권 1만원' };
const AMERICANO = { id: '0000133518', name: '스타벅스 아메리카노 T' };
const BOT = `<@${BOT_USER}>`;

let seq = 0;
/** A fresh ts per mention, so each test finds its own thread among the recorded calls. */
function nextTs(): string {
  seq += 1;
  return `1700200${String(seq).padStart(3, '0')}.000100`;
}

/** A normal chat.postMessage answer, to undo a test's failing handler. */
const postOk: ApiHandler = (params) => ({
  body: { ok: true, channel: params.channel, ts: `1700900000.${String(Date.now() % 1e6).padStart(6, '0')}` },
});

/** POST one signed Events API delivery; `headers` adds e.g. Slack's retry headers. */
let deliveries = 0;
/**
 * Each delivery is signed anew, as Slack signs every attempt: a redelivered event is a new request
 * (its own timestamp and signature), so it reaches the event de-duplication, not the replay guard.
 */
async function deliver(h: Harness, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SlackHttpAnswer> {
  const raw = JSON.stringify(body);
  const timestampSec = Math.floor(Date.now() / 1000) - (deliveries++ % 120);
  return h.raw(raw, { ...signedHeaders(SECRET, raw, 'application/json', timestampSec), ...headers });
}

function mention(h: Harness, opts: MentionOptions, headers?: Record<string, string>): Promise<SlackHttpAnswer> {
  return deliver(h, mentionEvent(opts), headers);
}

function ephemeralsTo(h: Harness, user: string): ApiCall[] {
  return h.slack.callsTo('chat.postEphemeral').filter((c) => c.params.user === user);
}

describe('mention in a permitted channel → the card in its thread', () => {
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

  it('a mention inside a thread: acks first, then posts the card in that thread naming who asked, barcode masked', async () => {
    const parent = nextTs();
    const ts = nextTs();
    // Hold the thread post until the HTTP answer is in: a bot that looked up before acking
    // would never get its answer out, and this test would time out.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    h.slack.on('chat.postMessage', async (params, i) => {
      if (params.thread_ts === parent) await held;
      return postOk(params, i);
    });
    const before = lookups(h);

    const answer = await mention(h, {
      text: `${BOT} ${BAEMIN.id} 012345678902 확인 부탁드립니다`,
      ts,
      thread_ts: parent,
      user: 'U0THREAD',
    });
    expect(answer.status).toBe(200);
    release();

    const post = await threadPost(h, parent);
    expect(post.params.channel).toBe(ALLOWED);
    const text = readable(post.params);
    expect(text).toContain('확인: <@U0THREAD>');
    expect(text).toContain(BAEMIN.name);
    expect(text).toContain('••••8902');
    expect(text).toContain('2,500원'); // the sandbox's partly used voucher: it really was looked up
    expect(JSON.stringify(post.params)).not.toContain('012345678902');
    expect(await refreshRequest(h, post.params)).toEqual({ g: BAEMIN.id, b: ['012345678902'] });

    await settled(h);
    expect(lookups(h) - before).toBe(1);
    expect(postsInThread(h, parent)).toHaveLength(1);
    expect(postsInThread(h, ts)).toHaveLength(0);
    expect(ephemeralsTo(h, 'U0THREAD')).toEqual([]);
    const audit = h.logs.filter((l) => l.msg === 'lookup' && l.user === 'U0THREAD');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entry: 'mention', channel: ALLOWED, goods: BAEMIN.id, barcode: '••••8902' });
    expect(JSON.stringify(h.logs)).not.toContain('012345678902');
  });

  it('a mention at the top of the channel starts a thread on itself', async () => {
    const ts = nextTs();
    await mention(h, { text: `${BOT} ${AMERICANO.name} 0011-3351-8002`, ts, user: 'U0TOP' });

    const post = await threadPost(h, ts);
    expect(post.params.thread_ts).toBe(ts);
    expect(readable(post.params)).toContain('확인: <@U0TOP>');
    expect(readable(post.params)).toContain('••••8002');
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518002'] });
  });

  it('only a barcode and a catalog name, in any order, other mentions and a phone number around them', async () => {
    const ts = nextTs();
    await mention(h, { text: `${BOT} 0123-4567-8901 ${BAEMIN.name} <@U0COLLEAGUE> 고객 연락처 010-9876-5432`, ts, user: 'U0NAME' });

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: BAEMIN.id, b: ['012345678901'] });
    expect(readable(post.params)).toContain('10,000원');
    expect(JSON.stringify(post.params)).not.toContain('9876-5432');
  });

  it("the issue's own example: a number and the brand alone (`스타벅스`) stand for the one product it begins", async () => {
    const ts = nextTs();
    await mention(h, { text: `${BOT} 0011-3351-8001 스타벅스`, ts, user: 'U0BRAND' });

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518001'] });
    expect(readable(post.params)).toContain(AMERICANO.name);
  });

  it('reads the mention from its rich_text blocks like a complaint', async () => {
    const ts = nextTs();
    await mention(h, {
      text: '',
      ts,
      user: 'U0BLOCKS',
      blocks: [richTextBlock(`${AMERICANO.name} 쿠폰 001133518003 이미 사용됐다고 나옵니다`)],
    });

    const post = await threadPost(h, ts);
    expect(await refreshRequest(h, post.params)).toEqual({ g: AMERICANO.id, b: ['001133518003'] });
  });

  it('its 새로고침 looks up again and keeps the card a thread card', async () => {
    const ts = nextTs();
    await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678902`, ts, user: 'U0REFRESH' });
    const post = await threadPost(h, ts);
    await settled(h);
    const requestsBefore = vendorRequests(h);
    const refresh = (
      (post.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')
        ?.elements ?? []
    ).find((e) => e.action_id === 'coupon_refresh')!;

    const responseUrl = h.slack.responseUrl();
    const answer = await h.interact(
      buttonPayload({ actionId: 'coupon_refresh', value: refresh.value, responseUrl, user: 'U0REFRESH', ephemeral: false }),
    );
    expect(answer.status).toBe(200);
    const reply = await h.slack.post(responseUrl);

    expect(reply.replace_original).toBe(true);
    expect(allText(reply)).toContain('확인: <@U0REFRESH>');
    expect(allText(reply)).toContain('2,500원');
    expect(JSON.stringify(reply)).not.toContain('012345678902');
    await settled(h);
    expect(vendorRequests(h)).toBe(requestsBefore + 1);
    expect(h.logs.some((l) => l.msg === 'lookup' && l.entry === 'refresh' && l.user === 'U0REFRESH')).toBe(true);
  });

  it('writes the card in English for an English Slack locale', async () => {
    h.slack.locales.set('U0ENGLISH', 'en-US');
    const ts = nextTs();
    await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678901`, ts, user: 'U0ENGLISH' });
    expect(readable((await threadPost(h, ts)).params)).toContain('Checked by <@U0ENGLISH>');
  });

  it('when the thread refuses the card, tells the person privately in the thread and shows the card privately', async () => {
    const ts = nextTs();
    h.slack.on('chat.postMessage', (params, i) =>
      params.thread_ts === ts ? { body: { ok: false, error: 'fatal_error' } } : postOk(params, i),
    );
    await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678902`, ts, user: 'U0ARCHIVED' });

    await h.slack.waitFor(() => ephemeralsTo(h, 'U0ARCHIVED').length >= 2, 10_000, 'two private messages');
    await settled(h);
    const [notice, card] = ephemeralsTo(h, 'U0ARCHIVED');
    expect(notice!.params).toMatchObject({ channel: ALLOWED, thread_ts: ts });
    expect(allText(notice!.params)).toContain('스레드에 답을 올리지 못했습니다');
    expect(readable(card!.params)).toContain('••••8902');
    // Private like a /coupon card: only its buttons (never shown) carry the number.
    expect(readable(card!.params)).not.toContain('012345678902');
    expect(ephemeralsTo(h, 'U0ARCHIVED')).toHaveLength(2);
  });

  it('(after the others) no log line holds a full coupon number, a phone number or the bot token', () => {
    const logs = JSON.stringify(h.logs);
    for (const secret of [
      '012345678901',
      '012345678902',
      '001133518002',
      '001133518003',
      '0123-4567-8901',
      '9876-5432',
      'xoxb-test-token',
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(h.logs.filter((l) => l.msg === 'lookup' && l.entry === 'mention').length).toBeGreaterThanOrEqual(6);
  });
});

describe('mention that cannot be looked up as written → a short reply in its thread, nothing sent to Coufun', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Mention, wait for the one threaded reply, and check nothing was looked up. */
  async function replyTo(text: string, user: string, thread?: string): Promise<{ text: string; post: ApiCall }> {
    const ts = nextTs();
    const requestsBefore = vendorRequests(h);
    const lookupsBefore = lookups(h);
    const answer = await mention(h, { text, ts, user, ...(thread ? { thread_ts: thread } : {}) });
    expect(answer.status).toBe(200);
    const post = await threadPost(h, thread ?? ts);
    await settled(h);
    expect(postsInThread(h, thread ?? ts)).toHaveLength(1);
    expect(vendorRequests(h)).toBe(requestsBefore);
    expect(lookups(h)).toBe(lookupsBefore);
    expect(ephemeralsTo(h, user)).toEqual([]);
    const all = allText(post.params);
    expect(all).toContain(`<@${user}>`);
    expect(all).toContain('쿠폰 조회'); // the shortcut, as the other way to ask
    expect(all).toContain('@coupon-bot');
    return { text: all, post };
  }

  it('no number: says the coupon number is missing, in the thread it was asked in', async () => {
    const parent = nextTs();
    const { text, post } = await replyTo(`${BOT} ${BAEMIN.name} 쿠폰이 안 된다고 합니다`, 'U0NONUMBER', parent);
    expect(post.params.thread_ts).toBe(parent);
    expect(text).toContain('쿠폰번호를 찾지 못했습니다');
    expect(h.logs.find((l) => l.msg === 'mention_unanswerable' && l.user === 'U0NONUMBER')).toMatchObject({
      entry: 'mention',
      problem: 'missing',
    });
  });

  it('a bare mention: says both are missing', async () => {
    const { text } = await replyTo(`${BOT}`, 'U0BARE');
    expect(text).toContain('쿠폰번호와 상품을 찾지 못했습니다');
  });

  it('only a phone number and a date: those are not coupon numbers', async () => {
    const { text } = await replyTo(`${BOT} ${BAEMIN.name} 고객 010-1234-5678, 주문일 2024-01-15`, 'U0PHONE');
    expect(text).toContain('쿠폰번호를 찾지 못했습니다');
  });

  it('an unknown product: says which part is missing and names some catalog products', async () => {
    const { text } = await replyTo(`${BOT} 012345678902 투썸플레이스`, 'U0NOGOODS');
    expect(text).toContain('어떤 상품인지 찾지 못했습니다');
    expect(text).toContain(AMERICANO.name);
  });

  it('more than one product: asks for one', async () => {
    const { text } = await replyTo(`${BOT} ${BAEMIN.name} ${AMERICANO.name} 012345678902`, 'U0TWOGOODS');
    expect(text).toContain('상품이 여러 개');
    expect(text).toContain(BAEMIN.name);
    expect(text).toContain(AMERICANO.name);
  });

  it('six coupon numbers: says at most five, rather than looking up five of them', async () => {
    const six = ['012345678901', '012345678902', '012345678903', '012345678904', '012345678905', '012345678906'].join(' ');
    const { text } = await replyTo(`${BOT} ${BAEMIN.id} ${six}`, 'U0SIX');
    expect(text).toContain('6개');
    expect(text).toContain('5개까지');
    expect(text).not.toContain('012345678906');
  });

  it('in English for an English Slack locale', async () => {
    h.slack.locales.set('U0NONUMBEREN', 'en-US');
    const { text } = await replyTo(`${BOT} ${BAEMIN.name}`, 'U0NONUMBEREN');
    expect(text).toContain('No coupon number found.');
  });

  it('when the thread refuses the reply, the person still gets it privately', async () => {
    const ts = nextTs();
    h.slack.on('chat.postMessage', (params, i) =>
      params.thread_ts === ts ? { body: { ok: false, error: 'is_archived' } } : postOk(params, i),
    );
    await mention(h, { text: `${BOT} ${BAEMIN.name}`, ts, user: 'U0REPLYFAIL' });
    await h.slack.waitFor(() => ephemeralsTo(h, 'U0REPLYFAIL').length >= 1, 10_000, 'private reply');
    expect(allText(ephemeralsTo(h, 'U0REPLYFAIL')[0]!.params)).toContain('쿠폰번호를 찾지 못했습니다');
    h.slack.on('chat.postMessage', postOk);
  });
});

describe('mention gates', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a channel that is not permitted: one private notice to the person, never a thread post, nothing looked up', async () => {
    const ts = nextTs();
    const requestsBefore = vendorRequests(h);
    const answer = await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678902`, ts, user: 'U0DENIED', channel: DENIED });
    expect(answer.status).toBe(200);

    await h.slack.waitFor(() => ephemeralsTo(h, 'U0DENIED').length >= 1, 10_000, 'the refusal');
    await settled(h);
    const [notice, ...more] = ephemeralsTo(h, 'U0DENIED');
    expect(more).toEqual([]);
    expect(notice!.params).toMatchObject({ channel: DENIED, user: 'U0DENIED', thread_ts: ts });
    expect(allText(notice!.params)).toContain(`\`${DENIED}\``);
    expect(allText(notice!.params)).toContain('ALLOWED_CHANNEL_IDS');
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === DENIED)).toEqual([]);
    expect(vendorRequests(h)).toBe(requestsBefore);
    expect(h.logs.filter((l) => l.msg === 'channel_refused' && l.user === 'U0DENIED')).toHaveLength(1);
  });

  it.each([
    ['without X-Slack-Retry-Num', {}],
    ['with X-Slack-Retry-Num', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }],
  ])(
    'a second delivery of the same event_id (%s) is handled once: one lookup, one post',
    async (_how, retryHeaders: Record<string, string>) => {
      const ts = nextTs();
      const eventId = `Ev0RETRY${seq}X`;
      const user = `U0RETRY${Object.keys(retryHeaders).length}`;
      const lookupsBefore = lookups(h);
      const body = mentionEvent({ text: `${BOT} ${BAEMIN.id} 012345678901`, ts, user, eventId });

      const first = await deliver(h, body);
      const again = await deliver(h, body, retryHeaders);
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);

      // Bolt answers HTTP before its middleware runs: wait until the second delivery was decided
      // (or, were it not recognised, until it produced a second lookup).
      await expect
        .poll(
          () =>
            h.logs.some((l) => l.msg === 'duplicate_event' && l.eventId === eventId) ||
            h.logs.filter((l) => l.msg === 'lookup' && l.user === user).length > 1,
        )
        .toBe(true);
      await threadPost(h, ts);
      await settled(h);
      expect(postsInThread(h, ts)).toHaveLength(1);
      expect(lookups(h) - lookupsBefore).toBe(1);
      expect(h.logs.filter((l) => l.msg === 'lookup' && l.user === user)).toHaveLength(1);
      const duplicate = h.logs.filter((l) => l.msg === 'duplicate_event' && l.eventId === eventId);
      expect(duplicate).toHaveLength(1);
      if (retryHeaders['x-slack-retry-num']) expect(duplicate[0]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
    },
  );

  it('a retried refusal is not repeated either', async () => {
    const ts = nextTs();
    const body = mentionEvent({ text: `${BOT} ${BAEMIN.id} 012345678901`, ts, user: 'U0DENIEDTWICE', channel: DENIED });
    await deliver(h, body);
    await h.slack.waitFor(() => ephemeralsTo(h, 'U0DENIEDTWICE').length >= 1, 10_000, 'the refusal');
    await deliver(h, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    // Decided either way: recognised as a duplicate, or (wrongly) refused a second time.
    const eventId = body.event_id as string;
    await expect
      .poll(() => h.logs.some((l) => l.msg === 'duplicate_event' && l.eventId === eventId) || ephemeralsTo(h, 'U0DENIEDTWICE').length > 1)
      .toBe(true);
    expect(ephemeralsTo(h, 'U0DENIEDTWICE')).toHaveLength(1);
    expect(h.logs.filter((l) => l.msg === 'channel_refused' && l.user === 'U0DENIEDTWICE')).toHaveLength(1);
  });

  it.each([
    ['another bot (bot_id)', { botId: 'B0OTHER', user: 'U0OTHERBOT' }],
    ['a bot_message', { botId: 'B0LEGACY', subtype: 'bot_message' }],
    ['this bot itself', { user: BOT_USER }],
  ])('a mention written by %s is never answered, in any channel', async (_who, author: Partial<MentionOptions>) => {
    const requestsBefore = vendorRequests(h);
    const callsBefore = h.slack.calls.filter((c) => c.method.startsWith('chat.')).length;
    const allowed = nextTs();
    const denied = nextTs();
    const a = await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678902`, ts: allowed, ...author });
    const b = await mention(h, { text: `${BOT} 쿠폰번호가 없어요`, ts: denied, channel: DENIED, ...author });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    // A human mention sent after them is answered; once it is, the bots' would have been too.
    const human = nextTs();
    await mention(h, { text: `${BOT} 쿠폰번호가 없어요`, ts: human, user: 'U0HUMAN' });
    await threadPost(h, human);
    await settled(h);

    expect(postsInThread(h, allowed)).toEqual([]);
    expect(postsInThread(h, denied)).toEqual([]);
    expect(h.slack.calls.filter((c) => c.method.startsWith('chat.')).length - callsBefore).toBe(1);
    expect(vendorRequests(h)).toBe(requestsBefore);
  });

  it('/coupon help explains mentions', async () => {
    const { responseUrl } = await h.command({ text: 'help', user: 'U0HELP' });
    const help = allText(await h.slack.post(responseUrl));
    expect(help).toContain('@coupon-bot &lt;상품&gt; &lt;쿠폰번호&gt;');
    expect(help).toContain('스레드');
  });

  it('url_verification: echoes the challenge when the request is signed', async () => {
    const body = { token: 'legacy-verification-token', challenge: 'c3a1b2-challenge-9f8e', type: 'url_verification' };
    const answer = await deliver(h, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('c3a1b2-challenge-9f8e');
    // A forged one gets nothing back.
    const raw = JSON.stringify(body);
    const forged = await h.raw(raw, { ...signedHeaders('wrong-secret', raw, 'application/json') });
    expect(forged.status).toBe(401);
    expect(forged.body).not.toContain('c3a1b2-challenge-9f8e');
  });
});

describe('mention: per-user rate limit', () => {
  const PER_MINUTE = 5;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ COUPON_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) });
  });
  afterAll(async () => {
    await h.close();
  });

  it('over the limit: a private notice in the thread, no lookup, no thread post; other people are unaffected', async () => {
    const first = nextTs();
    await mention(h, {
      text: `${BOT} ${BAEMIN.id} 012345678901 012345678902 012345678903 012345678904 012345678905`,
      ts: first,
      user: 'U0BUSY',
    });
    await threadPost(h, first);
    await settled(h);
    const lookupsBefore = lookups(h);

    const over = nextTs();
    await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678901`, ts: over, user: 'U0BUSY' });
    await h.slack.waitFor(() => ephemeralsTo(h, 'U0BUSY').length >= 1, 10_000, 'the rate-limit notice');
    await settled(h);
    const [notice] = ephemeralsTo(h, 'U0BUSY');
    expect(notice!.params).toMatchObject({ channel: ALLOWED, user: 'U0BUSY', thread_ts: over });
    expect(allText(notice!.params)).toContain('조회가 너무 잦습니다');
    expect(postsInThread(h, over)).toEqual([]);
    expect(lookups(h)).toBe(lookupsBefore);
    expect(h.logs.filter((l) => l.msg === 'rate_limited' && l.user === 'U0BUSY' && l.entry === 'mention')).toHaveLength(1);

    const other = nextTs();
    await mention(h, { text: `${BOT} ${BAEMIN.id} 012345678901`, ts: other, user: 'U0IDLE' });
    expect(readable((await threadPost(h, other)).params)).toContain('확인: <@U0IDLE>');
  });
});
