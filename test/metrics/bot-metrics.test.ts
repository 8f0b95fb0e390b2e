/**
 * The recorders and the registry, with plain values: bounded labels, one registry per bot,
 * the optional shared-store and work gauges, the in-flight gauge, the scrape's format, and the
 * docs' metrics table naming every series the bot has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { ValidationError, TimeoutError, VendorError } from '../../src/coufun/errors.js';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import type { LookupOutcome } from '../../src/lookup/types.js';
import { parseExposition, sampleValue } from './exposition.js';

const meta = { env: 'sandbox', latencyMs: 12, cacheHit: false, answeredAt: 0 } as const;
const found: LookupOutcome = { ok: true, goodsId: '0000999999', barcode: '012345678901', orders: [], vendorMessage: '정상', meta };
const failed = (error: LookupOutcome & { ok: false } extends { error: infer E } ? E : never): LookupOutcome => ({
  ok: false,
  goodsId: '0000999999',
  barcode: '012345678901',
  error,
  meta,
});

async function samples(metrics: ReturnType<typeof createBotMetrics>) {
  return parseExposition((await metrics.scrape()).body);
}

describe('createBotMetrics', () => {
  it('counts lookups by entry and outcome class, never by status text or barcode', async () => {
    const m = createBotMetrics({ processDefaults: false });
    m.lookupFinished('command', found);
    m.lookupFinished('command', found);
    m.lookupFinished('shortcut', failed(new VendorError('16', '쿠폰번호 012345678901 없음', resultCodeInfo('16'))));
    m.lookupFinished('modal', failed(new TimeoutError(5000)));
    m.lookupFinished('modal', failed(new ValidationError('BARCODE_NUM', 'charset', { char: '가' })));
    m.lookupFinished('U0ALICE', found);
    const s = await samples(m);
    expect(sampleValue(s, 'coupon_bot_lookups_total', { entry: 'command', outcome: 'found' })).toBe(2);
    expect(sampleValue(s, 'coupon_bot_lookups_total', { entry: 'shortcut', outcome: 'vendor_error' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_lookups_total', { entry: 'modal', outcome: 'timeout' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_lookups_total', { entry: 'modal', outcome: 'invalid_input' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_lookups_total', { entry: 'other', outcome: 'found' })).toBe(1);
    const body = (await m.scrape()).body;
    expect(body).not.toContain('012345678901');
    expect(body).not.toContain('U0ALICE');
  });

  it('observes vendor requests in seconds with bounded results, and cache and shared counts', async () => {
    const m = createBotMetrics({ processDefaults: false });
    const o = m.lookupObserver;
    o.vendorRequest?.(40, 'ok');
    o.vendorRequest?.(1500, 'ok');
    o.vendorRequest?.(30, 'vendor_16');
    o.vendorRequest?.(30, 'vendor_ABCDEFGH');
    o.vendorRequest?.(5000, 'timeout');
    o.vendorRequest?.(1, '012345678901');
    o.cache?.('hit');
    o.cache?.('miss');
    o.cache?.('miss');
    o.sharedInFlight?.();
    const s = await samples(m);
    expect(sampleValue(s, 'coupon_bot_vendor_request_duration_seconds_count', { result: 'ok' })).toBe(2);
    expect(sampleValue(s, 'coupon_bot_vendor_request_duration_seconds_sum', { result: 'ok' })).toBeCloseTo(1.54, 6);
    expect(sampleValue(s, 'coupon_bot_vendor_request_duration_seconds_bucket', { result: 'ok', le: '0.05' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_vendor_request_duration_seconds_bucket', { result: 'ok', le: '2' })).toBe(2);
    expect(sampleValue(s, 'coupon_bot_vendor_requests_total', { result: 'vendor_16' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_vendor_requests_total', { result: 'vendor_other' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_vendor_requests_total', { result: 'timeout' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_vendor_requests_total', { result: 'other' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_cache_hits_total', {})).toBe(1);
    expect(sampleValue(s, 'coupon_bot_cache_misses_total', {})).toBe(2);
    expect(sampleValue(s, 'coupon_bot_shared_in_flight_total', {})).toBe(1);
  });

  it('counts refusals by entry and Slack API errors by bounded method and error', async () => {
    const m = createBotMetrics({ processDefaults: false });
    m.rateLimited('command');
    m.rateLimited('refresh');
    m.rateLimited(undefined);
    m.slackApiError('chat.postMessage', 'channel_not_found');
    m.slackApiError('chat.postMessage', 'http_503');
    m.slackApiError('chat.postMessage', 'Customer 010-1234-5678 said 012345678901');
    m.slackApiError('../../etc/passwd', 'not_authed');
    m.slackApiError(undefined, 'network');
    const s = await samples(m);
    expect(sampleValue(s, 'coupon_bot_rate_limit_refusals_total', { entry: 'command' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_rate_limit_refusals_total', { entry: 'refresh' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_rate_limit_refusals_total', { entry: 'other' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_slack_api_errors_total', { method: 'chat.postMessage', error: 'channel_not_found' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_slack_api_errors_total', { method: 'chat.postMessage', error: 'http_503' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_slack_api_errors_total', { method: 'chat.postMessage', error: 'other' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_slack_api_errors_total', { method: 'other', error: 'not_authed' })).toBe(1);
    expect(sampleValue(s, 'coupon_bot_slack_api_errors_total', { method: 'other', error: 'network' })).toBe(1);
    expect((await m.scrape()).body).not.toMatch(/010-1234|012345678901|passwd/);
  });

  it('shows lookups in flight while they run; settling twice does not count twice', async () => {
    const m = createBotMetrics({ processDefaults: false });
    const a = m.lookupsStarted(3);
    const b = m.lookupsStarted(1);
    expect(sampleValue(await samples(m), 'coupon_bot_lookups_in_flight', {})).toBe(4);
    a();
    a();
    expect(sampleValue(await samples(m), 'coupon_bot_lookups_in_flight', {})).toBe(1);
    b();
    expect(sampleValue(await samples(m), 'coupon_bot_lookups_in_flight', {})).toBe(0);
  });

  it('reads the shared store’s health and work in flight at scrape time, and has no such series without them', async () => {
    let up: 0 | 1 | undefined;
    let work = 2;
    const m = createBotMetrics({ processDefaults: false, sharedStore: { backend: 'redis', up: () => up }, workInFlight: () => work });
    expect(sampleValue(await samples(m), 'coupon_bot_shared_store_up', { backend: 'redis' })).toBe(0);
    expect(sampleValue(await samples(m), 'coupon_bot_redis_up', {})).toBe(0);
    up = 1;
    expect(sampleValue(await samples(m), 'coupon_bot_shared_store_up', { backend: 'redis' })).toBe(1);
    // The old name, kept for one release, says the same.
    expect(sampleValue(await samples(m), 'coupon_bot_redis_up', {})).toBe(1);
    expect(sampleValue(await samples(m), 'coupon_bot_work_in_flight', {})).toBe(2);
    up = 0;
    work = 0;
    const s = await samples(m);
    expect(sampleValue(s, 'coupon_bot_shared_store_up', { backend: 'redis' })).toBe(0);
    expect(sampleValue(s, 'coupon_bot_redis_up', {})).toBe(0);
    expect(sampleValue(s, 'coupon_bot_work_in_flight', {})).toBe(0);
    expect((await m.scrape()).body).toMatch(/# HELP coupon_bot_redis_up Deprecated/);

    // Another backend gets the neutral series only.
    const other = (await createBotMetrics({ processDefaults: false, sharedStore: { backend: 'valkey', up: () => 1 } }).scrape()).body;
    expect(other).toContain('coupon_bot_shared_store_up{backend="valkey"} 1');
    expect(other).not.toContain('coupon_bot_redis_up');

    const bare = (await createBotMetrics({ processDefaults: false }).scrape()).body;
    expect(bare).not.toContain('coupon_bot_shared_store_up');
    expect(bare).not.toContain('coupon_bot_redis_up');
    expect(bare).not.toContain('coupon_bot_work_in_flight');
  });

  it('gives each bot its own registry: two in one process neither collide nor share counts', async () => {
    const one = createBotMetrics();
    const two = createBotMetrics();
    one.rateLimited('command');
    const s1 = await samples(one);
    const s2 = await samples(two);
    expect(sampleValue(s1, 'coupon_bot_rate_limit_refusals_total', { entry: 'command' })).toBe(1);
    expect(sampleValue(s2, 'coupon_bot_rate_limit_refusals_total', { entry: 'command' })).toBe(0);
    // Both carry the process defaults.
    expect(sampleValue(s1, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(sampleValue(s2, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
  });

  it('scrapes in the Prometheus text format with HELP and TYPE for each metric', async () => {
    const { contentType, body } = await createBotMetrics({ processDefaults: false }).scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8/);
    for (const [name, type] of [
      ['coupon_bot_lookups_total', 'counter'],
      ['coupon_bot_vendor_request_duration_seconds', 'histogram'],
      ['coupon_bot_vendor_requests_total', 'counter'],
      ['coupon_bot_cache_hits_total', 'counter'],
      ['coupon_bot_cache_misses_total', 'counter'],
      ['coupon_bot_shared_in_flight_total', 'counter'],
      ['coupon_bot_rate_limit_refusals_total', 'counter'],
      ['coupon_bot_slack_api_errors_total', 'counter'],
      ['coupon_bot_lookups_in_flight', 'gauge'],
    ] as const) {
      expect(body).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(body).toMatch(new RegExp(`^# TYPE ${name} ${type}$`, 'm'));
    }
  });

  it('documents every series it registers (README.md or a page in docs/)', async () => {
    const m = createBotMetrics({ processDefaults: false, workInFlight: () => 0, sharedStore: { backend: 'redis', up: () => 1 } });
    const names = (await m.registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names.length).toBeGreaterThan(10);
    const root = new URL('../../', import.meta.url);
    const pages = [
      'README.md',
      ...readdirSync(new URL('docs/', root))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const docs = pages.map((page) => readFileSync(new URL(page, root), 'utf8')).join('\n');
    expect(names.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });
});
