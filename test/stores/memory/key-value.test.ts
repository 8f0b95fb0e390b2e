import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/stores/memory/key-value.js';
import { keyValueContract } from '../key-value-contract.js';

function setup(maxEntries = 10) {
  let now = 1_000;
  const cache = createMemoryStore({ maxEntries, clock: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('createMemoryStore', () => {
  it('returns a value until its TTL has passed', async () => {
    const { cache, advance } = setup();
    await cache.set('a', 'A', 100);
    advance(99);
    expect(await cache.get('a')).toBe('A');
    advance(1);
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when the TTL is 0', async () => {
    const { cache } = setup();
    await cache.set('a', 'A', 0);
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', async () => {
    const { cache } = setup(2);
    await cache.set('a', 'A', 1000);
    await cache.set('b', 'B', 1000);
    await cache.set('c', 'C', 1000);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe('B');
    expect(await cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('treats a re-set key as the newest and restarts its TTL', async () => {
    const { cache, advance } = setup(2);
    await cache.set('a', 'A1', 100);
    await cache.set('b', 'B', 100);
    advance(60);
    await cache.set('a', 'A2', 100);
    await cache.set('c', 'C', 100); // evicts b, now the oldest
    expect(await cache.get('b')).toBeUndefined();
    advance(60);
    expect(await cache.get('a')).toBe('A2');
  });

  it('does not count expired entries', async () => {
    const { cache, advance } = setup(3);
    await cache.set('a', 'A', 100);
    await cache.set('b', 'B', 100);
    advance(150);
    await cache.set('c', 'C', 100);
    expect(cache.size).toBe(1);
  });

  it('deletes', async () => {
    const { cache } = setup();
    await cache.set('a', 'A', 100);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
  });

  it('add stores only when absent (or expired), and says whether it did', async () => {
    const { cache, advance } = setup();
    expect(await cache.add('k', 1, 100)).toBe(true);
    expect(await cache.add('k', 2, 100)).toBe(false);
    expect(await cache.get('k')).toBe(1);
    advance(100);
    expect(await cache.add('k', 3, 100)).toBe(true);
    expect(await cache.get('k')).toBe(3);
  });
});

keyValueContract('createMemoryStore', () => {
  let now = 1_000;
  const store = createMemoryStore({ clock: () => now });
  return { store, pass: async (ms) => void (now += ms) };
});
