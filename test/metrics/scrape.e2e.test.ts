/**
 * A scrape of `/metrics` end to end: the real bot (Bolt HTTP receiver on loopback) answers
 * `/coupon` from the sandbox, refuses a rate-limited user, meets a Slack `ok:false`, and the
 * Prometheus text at `GET /metrics` on the same port shows each of those, with no barcode,
 * user ID or phone number anywhere in it.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { shortcutPayload } from '../support/payloads.js';
import { parseExposition, sampleValue } from './exposition.js';

const BAEMIN = '0000999999';
const AMERICANO = '0000133518';
const FOUND = '012345678901';
const OTHER_FOUND = '012345678902';
const VENDOR_FAIL = 'ERR09-LIMIT';
const USERS = { found: 'U0METRICFOUND', limited: 'U0METRICLIMIT', noScope: 'U0METRICSCOPE' };

async function scrape(h: Harness): Promise<{ status: number; contentType: string; body: string }> {
  const res = await request(`http://127.0.0.1:${h.bot.port}/metrics`);
  return { status: res.statusCode, contentType: String(res.headers['content-type']), body: await res.body.text() };
}

describe('GET /metrics after real Slack traffic', () => {
  let h: Harness;
  let before: string;
  let after: { status: number; contentType: string; body: string };

  beforeAll(async () => {
    h = await startHarness({ COUPON_RATE_LIMIT_PER_MINUTE: '5' });
    h.slack.on('users.info', (params) => {
      const user = String(params.user);
      if (user === USERS.noScope) return { body: { ok: false, error: 'missing_scope', needed: 'users:read' } };
      return { body: { ok: true, user: { id: user, locale: 'ko-KR' } } };
    });
    before = (await scrape(h)).body;

    // A found coupon, then the same again (answered by the cache).
    for (let i = 0; i < 2; i += 1) {
      const { responseUrl } = await h.command({ text: `${BAEMIN} ${FOUND}`, user: USERS.found });
      await h.slack.post(responseUrl);
    }
    // A vendor error code.
    const vendor = await h.command({ text: `${AMERICANO} ${VENDOR_FAIL}`, user: USERS.found });
    await h.slack.post(vendor.responseUrl);
    // Five barcodes spend the budget of 5; the next command is refused.
    const spend = await h.command({
      text: `${BAEMIN} 012345678906 099999999991 099999999992 099999999993 099999999994`,
      user: USERS.limited,
    });
    await h.slack.post(spend.responseUrl);
    const refused = await h.command({ text: `${BAEMIN} ${OTHER_FOUND}`, user: USERS.limited });
    await h.slack.post(refused.responseUrl);
    // users.info answers ok:false for this user (the card still comes, in Korean).
    const noScope = await h.command({ text: `${BAEMIN} ${OTHER_FOUND}`, user: USERS.noScope });
    await h.slack.post(noScope.responseUrl);

    after = await scrape(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the Prometheus text format on the bot port', () => {
    expect(after.status).toBe(200);
    expect(after.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(after.body).toMatch(/^# HELP coupon_bot_lookups_total /m);
    expect(after.body).toMatch(/^# TYPE coupon_bot_lookups_total counter$/m);
    // Every sample line parses.
    expect(parseExposition(after.body).length).toBeGreaterThan(20);
  });

  it('counts lookups by entry point and outcome class', () => {
    const samples = parseExposition(after.body);
    const found = sampleValue(samples, 'coupon_bot_lookups_total', { entry: 'command', outcome: 'found' });
    // 2 × FOUND, 012345678906 of the five spending the budget, OTHER_FOUND for the user without users:read.
    expect(found).toBe(4);
    // ERR09-LIMIT, and the four of the five the sandbox does not know (vendor codes 16/31).
    expect(sampleValue(samples, 'coupon_bot_lookups_total', { entry: 'command', outcome: 'vendor_error' })).toBe(5);
    // Known series exist from the start, at 0.
    expect(sampleValue(parseExposition(before), 'coupon_bot_lookups_total', { entry: 'command', outcome: 'found' })).toBe(0);
    expect(sampleValue(samples, 'coupon_bot_lookups_total', { entry: 'modal', outcome: 'timeout' })).toBe(0);
  });

  it('times vendor requests and counts their results, cache hits and misses', () => {
    const samples = parseExposition(after.body);
    // FOUND once (the second time is a cache hit), 012345678906, OTHER_FOUND.
    expect(sampleValue(samples, 'coupon_bot_vendor_requests_total', { result: 'ok' })).toBe(3);
    expect(sampleValue(samples, 'coupon_bot_vendor_requests_total', { result: 'vendor_09' })).toBe(1);
    expect(sampleValue(samples, 'coupon_bot_vendor_request_duration_seconds_count', { result: 'ok' })).toBe(3);
    expect(sampleValue(samples, 'coupon_bot_vendor_request_duration_seconds_bucket', { result: 'ok', le: '+Inf' })).toBe(3);
    expect(sampleValue(samples, 'coupon_bot_vendor_request_duration_seconds_sum', { result: 'ok' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'coupon_bot_cache_hits_total', {})).toBe(1);
    expect(sampleValue(samples, 'coupon_bot_cache_misses_total', {})).toBe(8);
    expect(sampleValue(samples, 'coupon_bot_shared_in_flight_total', {})).toBe(0);
  });

  it('counts the rate-limit refusal and the Slack ok:false by method and error', () => {
    const samples = parseExposition(after.body);
    expect(sampleValue(samples, 'coupon_bot_rate_limit_refusals_total', { entry: 'command' })).toBe(1);
    expect(sampleValue(parseExposition(before), 'coupon_bot_rate_limit_refusals_total', { entry: 'command' })).toBe(0);
    expect(sampleValue(samples, 'coupon_bot_slack_api_errors_total', { method: 'users.info', error: 'missing_scope' })).toBe(1);
    expect(
      sampleValue(parseExposition(before), 'coupon_bot_slack_api_errors_total', { method: 'users.info', error: 'missing_scope' }),
    ).toBeUndefined();
  });

  it('shows lookups and work in flight (none left once every card is out) and the process defaults', () => {
    const samples = parseExposition(after.body);
    expect(sampleValue(samples, 'coupon_bot_lookups_in_flight', {})).toBe(0);
    expect(sampleValue(samples, 'coupon_bot_work_in_flight', {})).toBeDefined();
    expect(sampleValue(samples, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(after.body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(after.body).toMatch(/^process_resident_memory_bytes /m);
    // No shared backend in memory mode: no series that would claim it is down.
    expect(after.body).not.toContain('coupon_bot_shared_store_up');
    expect(after.body).not.toContain('coupon_bot_redis_up');
  });

  it('carries no barcode, user ID, phone number or token anywhere', () => {
    for (const secret of [FOUND, OTHER_FOUND, VENDOR_FAIL, '012345678903', ...Object.values(USERS), 'xoxb-test-token', h.slack.baseUrl]) {
      expect(after.body).not.toContain(secret);
    }
    // Values may be long numbers (start time, bytes); label values never carry a digit run.
    for (const { labels } of parseExposition(after.body)) {
      for (const value of Object.values(labels)) expect(value).not.toMatch(/\d{4,}/);
    }
    expect(after.body).not.toMatch(/01[016789]-\d{3,4}-\d{4}/);
    expect(after.body).not.toMatch(/\bU0[A-Z0-9]+/);
  });
});

describe('GET /metrics after a message shortcut the bot cannot post in the thread of', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    h.slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts the shortcut lookup and the failed chat.postMessage by its error', async () => {
    const responseUrl = h.slack.responseUrl();
    const answer = await h.interact(
      shortcutPayload({
        message: { text: `배민 상품권 1만원 쿠폰 ${FOUND} 이 안 된대요`, ts: '1700000100.000100' },
        responseUrl,
        user: 'U0METRICSHORT',
      }),
    );
    expect(answer.status).toBe(200);
    await h.slack.post(responseUrl, 2); // the "invite the bot" notice, then the private card
    const { body } = await scrape(h);
    const samples = parseExposition(body);
    expect(sampleValue(samples, 'coupon_bot_lookups_total', { entry: 'shortcut', outcome: 'found' })).toBe(1);
    expect(sampleValue(samples, 'coupon_bot_slack_api_errors_total', { method: 'chat.postMessage', error: 'not_in_channel' })).toBe(1);
    expect(body).not.toContain(FOUND);
    expect(body).not.toContain('U0METRICSHORT');
  });
});
