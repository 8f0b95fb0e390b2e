/**
 * The behaviour every KeyValueStore must have (memory and Redis run the same suite). `pass(ms)`
 * lets time go by: the memory store's clock is advanced, Redis's TTLs are real (short) waits.
 */
import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../src/stores/types.js';

export interface KvSubject {
  readonly store: KeyValueStore;
  pass(ms: number): Promise<void>;
}

export function keyValueContract(name: string, create: () => KvSubject | Promise<KvSubject>): void {
  describe(`${name} (KeyValueStore contract)`, () => {
    it('round-trips JSON values until their TTL has passed', async () => {
      const { store, pass } = await create();
      const value = { a: 1, b: ['x', 'y'], c: { d: null, e: '한글' } };
      await store.set('k1', value, 150);
      expect(await store.get('k1')).toEqual(value);
      await pass(250);
      expect(await store.get('k1')).toBeUndefined();
    });

    it('answers undefined for an unknown key, and stores nothing with a TTL of 0', async () => {
      const { store } = await create();
      expect(await store.get('nope')).toBeUndefined();
      await store.set('zero', 'v', 0);
      expect(await store.get('zero')).toBeUndefined();
    });

    it('add stores only when absent, and again once the first entry expired', async () => {
      const { store, pass } = await create();
      expect(await store.add('claim', 'first', 150)).toBe(true);
      expect(await store.add('claim', 'second', 150)).toBe(false);
      expect(await store.get('claim')).toBe('first');
      await pass(250);
      expect(await store.add('claim', 'third', 150)).toBe(true);
      expect(await store.get('claim')).toBe('third');
    });

    it('of many concurrent adds of one key exactly one wins', async () => {
      const { store } = await create();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.add('race', i, 5000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('set replaces, delete removes', async () => {
      const { store } = await create();
      await store.set('k', 'one', 5000);
      await store.set('k', 'two', 5000);
      expect(await store.get('k')).toBe('two');
      await store.delete('k');
      expect(await store.get('k')).toBeUndefined();
      expect(await store.add('k', 'three', 5000)).toBe(true);
    });
  });
}
