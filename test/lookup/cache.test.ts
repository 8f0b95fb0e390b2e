import { describe, expect, it } from 'vitest';
import { createTtlCache } from '../../src/lookup/cache.js';

function setup(ttlMs: number, maxEntries = 10) {
  let now = 1_000;
  const cache = createTtlCache<string>({ ttlMs, maxEntries, clock: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('createTtlCache', () => {
  it('returns a value until its TTL has passed', () => {
    const { cache, advance } = setup(100);
    cache.set('a', 'A');
    advance(99);
    expect(cache.get('a')).toBe('A');
    advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when the TTL is 0', () => {
    const { cache } = setup(0);
    cache.set('a', 'A');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const { cache } = setup(1000, 2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('treats a re-set key as the newest and restarts its TTL', () => {
    const { cache, advance } = setup(100, 2);
    cache.set('a', 'A1');
    cache.set('b', 'B');
    advance(60);
    cache.set('a', 'A2');
    cache.set('c', 'C'); // evicts b, now the oldest
    expect(cache.get('b')).toBeUndefined();
    advance(60);
    expect(cache.get('a')).toBe('A2');
  });

  it('drops expired entries first when room is needed', () => {
    const { cache, advance } = setup(100, 3);
    cache.set('a', 'A');
    cache.set('b', 'B');
    advance(150);
    cache.set('c', 'C');
    expect(cache.size).toBe(1);
  });

  it('deletes', () => {
    const { cache } = setup(100);
    cache.set('a', 'A');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
