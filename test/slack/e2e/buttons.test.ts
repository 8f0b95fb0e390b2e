/**
 * The card's buttons end to end: a `/coupon` card is fetched from its response_url, and its own
 * button values are clicked back as signed block_actions payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPayload } from '../../support/payloads.js';
import { allText, startHarness, type Harness } from '../../support/bot-harness.js';
import { buttonsOf, buttonValue, userIds, vendorCount } from '../../support/command-helpers.js';

const AMERICANO = '0000133518';
const BAEMIN = '0000999999';
// A fixed clock: the answer cache (15 s) cannot expire between a command and its click, however
// slow the machine, so "cached" and "bypassed the cache" are decided by the code alone.
const NOW = Date.UTC(2025, 4, 1, 3, 0, 0);

const nextUser = userIds('BTN');

describe('card buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { clock: () => NOW });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Run `/coupon` and return the private card. */
  async function card(text: string, user: string): Promise<Record<string, unknown>> {
    const { responseUrl } = await h.command({ text, user });
    return h.slack.post(responseUrl);
  }

  /** Click a button of `message`; returns the HTTP answer and the first post to the click's response_url. */
  async function click(message: Record<string, unknown>, actionId: string, user: string, extra: { ephemeral?: boolean } = {}) {
    const responseUrl = h.slack.responseUrl();
    const answer = await h.interact(buttonPayload({ actionId, value: buttonValue(message, actionId), responseUrl, user, ...extra }));
    const reply = await h.slack.post(responseUrl);
    return { answer, reply, responseUrl };
  }

  it('refresh asks Coufun again even though the answer is cached, and replaces the card', async () => {
    const user = nextUser();
    const first = await card(`${BAEMIN} 012345678902`, user);
    const again = await card(`${BAEMIN} 012345678902`, user);
    // The cache is real: the second command did not reach the vendor.
    expect(vendorCount(h, '012345678902')).toBe(1);
    expect(allText(again)).toContain('캐시된 응답');

    const { answer, reply, responseUrl } = await click(first, 'coupon_refresh', user);

    expect(answer).toEqual({ status: 200, body: '' });
    expect(vendorCount(h, '012345678902')).toBe(2);
    expect(reply.replace_original).toBe(true);
    expect(reply.response_type).not.toBe('in_channel');
    const text = allText(reply);
    expect(text).toContain('2,500원');
    expect(text).not.toContain('캐시된 응답');
    expect(text).toContain(`요청: <@${user}>`);
    expect(buttonsOf(reply).map((b) => b.action_id)).toEqual(['coupon_share', 'coupon_refresh']);
    expect(h.slack.postsTo(responseUrl)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'lookup' && l.entry === 'refresh' && l.cacheHit === false && l.user === user)).toBe(true);
  });

  it('refresh on a card the shortcut posted in a thread keeps it a thread card', async () => {
    const user = nextUser();
    const first = await card(`${AMERICANO} 001133518002`, user);

    const { reply } = await click(first, 'coupon_refresh', user, { ephemeral: false });

    expect(reply.replace_original).toBe(true);
    expect(allText(reply)).toContain(`확인: <@${user}>`);
    expect(buttonsOf(reply).map((b) => b.action_id)).toEqual(['coupon_refresh']);
  });

  it('share posts the card to the channel, naming who shared it, without buttons', async () => {
    const asker = nextUser();
    const first = await card(`${AMERICANO} 001133518001`, asker);
    const before = vendorCount(h, '001133518001');

    const { answer, reply } = await click(first, 'coupon_share', asker);

    expect(answer).toEqual({ status: 200, body: '' });
    expect(reply.response_type).toBe('in_channel');
    expect(reply.replace_original).toBe(false);
    const text = allText(reply);
    expect(text).toContain(`공유: <@${asker}>`);
    expect(text).not.toContain('요청:');
    expect(text).toContain('🟢 미사용');
    expect(text).toContain('••••8001');
    // A shared card is for reading: no buttons, so no bearer number in a value either.
    expect(buttonsOf(reply)).toEqual([]);
    expect(text).not.toContain('001133518001');
    // Sharing shows the answer just given; it does not ask Coufun again.
    expect(vendorCount(h, '001133518001')).toBe(before);
  });

  it('retry asks Coufun again for the failed barcode and replaces the error card', async () => {
    const user = nextUser();
    const first = await card(`${AMERICANO} FAULT-500`, user);
    const before = vendorCount(h, 'FAULT-500');

    const { reply } = await click(first, 'coupon_retry', user);

    expect(vendorCount(h, 'FAULT-500')).toBeGreaterThan(before);
    expect(reply.replace_original).toBe(true);
    expect(allText(reply)).toContain('쿠펀 서버 오류');
    expect(JSON.parse(buttonValue(reply, 'coupon_retry'))).toEqual({ g: AMERICANO, b: ['FAULT-500'] });
    expect(h.logs.some((l) => l.msg === 'lookup' && l.entry === 'retry' && l.outcome === 'HTTP_STATUS' && l.user === user)).toBe(true);
  });

  // The retry value repeats the whole card; the answer that arrived comes from the cache, so
  // only the failed barcode reaches Coufun again.
  it('retry on a mixed card keeps the answers that had arrived', async () => {
    const user = nextUser();
    const first = await card(`${AMERICANO} 001133518001 FAULT-500`, user);
    expect(allText(first)).toContain('••••8001');

    const unusedBefore = vendorCount(h, '001133518001');
    const { reply } = await click(first, 'coupon_retry', user);

    expect(vendorCount(h, '001133518001')).toBe(unusedBefore);
    expect(allText(reply)).toContain('쿠펀 서버 오류');
    // Either the original card stays (a new message) or the replacement still shows the coupon.
    const keepsOriginal = reply.replace_original === false;
    expect(keepsOriginal || allText(reply).includes('••••8001'), 'the unused coupon ••••8001 vanished from the card').toBe(true);
  });

  it('answers a button whose value it cannot read with a private notice, without asking Coufun', async () => {
    const user = nextUser();
    const before = vendorCount(h);
    const responseUrl = h.slack.responseUrl();

    const answer = await h.interact(buttonPayload({ actionId: 'coupon_refresh', value: '{"old":"format"}', responseUrl, user }));
    const reply = await h.slack.post(responseUrl);

    expect(answer.status).toBe(200);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(allText(reply)).toContain('더 이상 쓸 수 없습니다');
    expect(vendorCount(h)).toBe(before);
  });

  it('answers button clicks in English for an English user', async () => {
    const user = nextUser();
    h.slack.locales.set(user, 'en-US');
    const first = await card(`${AMERICANO} 001133518003`, user);

    const { reply } = await click(first, 'coupon_share', user);

    expect(allText(reply)).toContain(`Shared by <@${user}>`);
    expect(allText(reply)).toContain('Cancelled');
  });
});
