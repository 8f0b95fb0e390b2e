/**
 * The shared-state seam: one factory picks the backend from configuration; memory keeps replay
 * claims, thread-card references and cached answers in stores of their own; Redis is loaded only
 * when configured and, absent, still opens (answering locally) with its health down.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { MEMORY_SEEN_ENTRIES } from '../../src/stores/memory/shared-state.js';
import { openSharedState } from '../../src/stores/shared-state.js';
import { freePort } from '../support/redis-server.js';

const logger = createLogger({ level: 'error', sink: () => undefined });
const memoryConfig = { redis: null, slack: { botToken: 'xoxb-test', rateLimitPerMinute: 2 } };

describe('openSharedState', () => {
  it('memory without REDIS_URL: not shared, no health to report, the configured limit', async () => {
    const state = await openSharedState(memoryConfig, { clock: () => 1_000_000, logger });
    expect(state.backend).toBe('memory');
    expect(state.acrossReplicas).toBe(false);
    expect(state.health).toBeNull();
    expect((await state.limiter.take('U1', 2)).ok).toBe(true);
    expect((await state.limiter.take('U1')).ok).toBe(false);
    await state.close();
  });

  it('memory: a burst of replay claims cannot push thread-card references out', async () => {
    const state = await openSharedState(memoryConfig, { clock: () => 1_000_000, logger });
    await state.refs.set('ref:kept', { g: '0000999999', b: ['012345678902'] }, 60_000);
    // More claims than a general store holds (10 000), fewer than the claims' own bound.
    for (let i = 0; i < 20_000; i += 1) await state.seen.add(`replay:${i}`, 1, 60_000);
    expect(20_000).toBeLessThan(MEMORY_SEEN_ENTRIES);
    expect(await state.refs.get('ref:kept')).toEqual({ g: '0000999999', b: ['012345678902'] });
    expect(await state.seen.add('replay:0', 1, 60_000)).toBe(false);
    expect(await state.cache.get('replay:0')).toBeUndefined();
  });

  it('memory: a key secret of its own per process (keys from one mean nothing to another)', async () => {
    const a = await openSharedState(memoryConfig, { clock: Date.now, logger });
    const b = await openSharedState(memoryConfig, { clock: Date.now, logger });
    expect(a.hashKey('0000999999', '012345678902')).toBe(a.hashKey('0000999999', '012345678902'));
    expect(a.hashKey('0000999999', '012345678902')).not.toBe(b.hashKey('0000999999', '012345678902'));
  });

  it('Redis configured but absent: opens anyway, shared, down, answering locally; keys from the shared secret', async () => {
    const port = await freePort();
    const redis = { url: `redis://127.0.0.1:${port}`, prefix: 't:', keySecret: undefined, timeoutMs: 50 };
    const config = { redis, slack: { botToken: 'xoxb-test', rateLimitPerMinute: 5 } };
    const [a, b] = await Promise.all([
      openSharedState(config, { clock: Date.now, logger }),
      openSharedState(config, { clock: Date.now, logger }),
    ]);
    try {
      expect(a.backend).toBe('redis');
      expect(a.acrossReplicas).toBe(true);
      expect(a.health?.status()).toBe('down');
      await a.refs.set('k', 'local', 5000);
      expect(await a.refs.get('k')).toBe('local');
      // Two replicas of one app derive the same key hashes (from the bot token here).
      expect(a.hashKey('x')).toBe(b.hashKey('x'));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
