/**
 * Cross-replica sharing in the lookup service: services that share one store (as replicas share
 * Redis) send one vendor request for identical concurrent lookups; the others wait for the
 * claim holder's cached answer, and ask for themselves when it fails or never answers. Without
 * `acrossReplicas` nothing is claimed and nothing is polled.
 */
import { describe, expect, it } from 'vitest';
import type { CoufunClient } from '../../src/coufun/client.js';
import type { CoufunRequest, CoufunResult } from '../../src/coufun/types.js';
import { createLookupService, type AcrossReplicas } from '../../src/lookup/service.js';
import { createKeyHasher } from '../../src/stores/keys.js';
import { createMemoryStore } from '../../src/stores/memory/key-value.js';
import type { KeyValueStore } from '../../src/stores/types.js';
import { success } from '../support/vendor-answers.js';

const GOODS = '0000133518';
const BARCODE = '012345678902';

/** A client whose answers wait until `release()`; counts its calls. */
function gatedClient(result: (req: CoufunRequest) => CoufunResult = success) {
  const calls: CoufunRequest[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const client: CoufunClient = {
    async query(req) {
      calls.push(req);
      await gate;
      return result(req);
    },
    async close() {},
  };
  return { client, calls, release: () => open() };
}

/** Counts what the service asks of the store. */
function countingStore(inner: KeyValueStore) {
  const counts = { get: 0, set: 0, add: 0, delete: 0 };
  const store: KeyValueStore = {
    get: (k) => (counts.get++, inner.get(k)),
    set: (k, v, t) => (counts.set++, inner.set(k, v, t)),
    add: (k, v, t) => (counts.add++, inner.add(k, v, t)),
    delete: (k) => (counts.delete++, inner.delete(k)),
  };
  return { store, counts };
}

const hashKey = createKeyHasher('shared secret of the deployment');
const across = (replicaId: string, claimTtlMs = 2000): AcrossReplicas => ({ replicaId, claimTtlMs, pollMs: { min: 1, max: 5 } });

function replica(client: CoufunClient, store: KeyValueStore, replicaId: string, claimTtlMs?: number) {
  return createLookupService({
    client,
    env: 'test',
    pocId: 'POC01',
    cacheTtlMs: 15_000,
    store,
    hashKey,
    acrossReplicas: across(replicaId, claimTtlMs),
  });
}

describe('lookups shared across replicas on one store', () => {
  it('identical concurrent lookups on two replicas reach the vendor once', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const one = gatedClient();
    const two = gatedClient();
    const r1 = replica(one.client, store, 'r1');
    const r2 = replica(two.client, store, 'r2');
    const pending = Array.from({ length: 200 }, (_, i) => (i % 2 ? r1 : r2).lookup(GOODS, BARCODE));
    await new Promise((r) => setTimeout(r, 20));
    one.release();
    two.release();
    const outcomes = await Promise.all(pending);
    expect(one.calls.length + two.calls.length).toBe(1);
    expect(outcomes.every((o) => o.ok && o.orders[0]?.barcode === BARCODE)).toBe(true);
    expect(r1.health().vendorRequests + r2.health().vendorRequests).toBe(1);
  });

  it('a waiting replica asks for itself when the claim holder fails (errors are not shared)', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const failing = gatedClient(() => ({ ok: false, code: '98', message: '시스템 오류' }));
    const fine = gatedClient();
    const r1 = replica(failing.client, store, 'r1');
    const r2 = replica(fine.client, store, 'r2');
    const first = r1.lookup(GOODS, BARCODE);
    await new Promise((r) => setTimeout(r, 5));
    const second = r2.lookup(GOODS, BARCODE);
    await new Promise((r) => setTimeout(r, 20));
    expect(fine.calls).toHaveLength(0); // still waiting for r1's answer
    fine.release();
    failing.release();
    const [o1, o2] = await Promise.all([first, second]);
    expect(o1.ok).toBe(false);
    expect(o2.ok).toBe(true);
    expect(fine.calls).toHaveLength(1);
  });

  it('a claim whose holder never answers is waited out, then the replica asks for itself', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const key = `claim:answer:${hashKey(GOODS, BARCODE)}`;
    expect(await store.add(key, 'a replica that died', 60_000)).toBe(true);
    const fine = gatedClient();
    fine.release();
    const outcome = await replica(fine.client, store, 'r2', 100).lookup(GOODS, BARCODE);
    expect(outcome.ok).toBe(true);
    expect(fine.calls).toHaveLength(1);
  });

  it('a fresh lookup (새로고침) claims nothing and asks at once', async () => {
    const { store, counts } = countingStore(createMemoryStore({ clock: Date.now }));
    const fine = gatedClient();
    fine.release();
    await replica(fine.client, store, 'r1').lookup(GOODS, BARCODE, { fresh: true });
    expect(counts.add).toBe(0);
    expect(fine.calls).toHaveLength(1);
  });

  it('without acrossReplicas a miss costs one store read and no claim or poll', async () => {
    const { store, counts } = countingStore(createMemoryStore({ clock: Date.now }));
    const fine = gatedClient();
    const service = createLookupService({ client: fine.client, env: 'test', pocId: 'POC01', cacheTtlMs: 15_000, store, hashKey });
    const pending = service.lookup(GOODS, BARCODE);
    await new Promise((r) => setTimeout(r, 20));
    expect(counts).toMatchObject({ get: 1, add: 0 });
    fine.release();
    expect((await pending).ok).toBe(true);
    expect(counts.add).toBe(0);
  });

  it('a store that rejects everything still yields answers (a vendor request each replica)', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      add: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const fine = gatedClient();
    fine.release();
    const outcome = await replica(fine.client, broken, 'r1').lookup(GOODS, BARCODE);
    expect(outcome.ok).toBe(true);
    expect(fine.calls).toHaveLength(1);
  });

  it('a claim asked for beside the cache read is given back on a hit; an answer outlives its claim', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const fine = gatedClient();
    fine.release();
    const r1 = replica(fine.client, store, 'r1', 50);
    const claimKey = `claim:answer:${hashKey(GOODS, BARCODE)}`;
    expect((await r1.lookup(GOODS, BARCODE)).ok).toBe(true);
    // The claim (50 ms) expires before the cached answer (15 s): it is left to expire.
    await expect.poll(() => store.get(claimKey)).toBeUndefined();
    const hit = await r1.lookup(GOODS, BARCODE);
    expect(hit.ok && hit.meta.cacheHit).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(await store.get(claimKey)).toBeUndefined(); // the hit's speculative claim was given back
    const other = await replica(gatedClient().client, store, 'r2').lookup(GOODS, BARCODE);
    expect(other.ok && other.meta.cacheHit).toBe(true);
    expect(fine.calls).toHaveLength(1);
  });

  it('a claim that would outlive the cached answer is released once the answer is cached', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const fine = gatedClient();
    fine.release();
    const service = createLookupService({
      client: fine.client,
      env: 'test',
      pocId: 'POC01',
      cacheTtlMs: 1000,
      store,
      hashKey,
      acrossReplicas: across('r1', 60_000),
    });
    expect((await service.lookup(GOODS, BARCODE)).ok).toBe(true);
    await expect.poll(() => store.get(`claim:answer:${hashKey(GOODS, BARCODE)}`)).toBeUndefined();
  });
});

describe('prepare: the first store round trip started before the rate-limit decision', () => {
  it('a prepared lookup makes no further read or claim, and asks the vendor once', async () => {
    const { store, counts } = countingStore(createMemoryStore({ clock: Date.now }));
    const gated = gatedClient();
    gated.release();
    const service = replica(gated.client, store, 'r1');
    const early = service.prepare!(GOODS, BARCODE);
    expect(counts).toMatchObject({ get: 1, add: 1 });
    const outcome = await service.lookup(GOODS, BARCODE, { early });
    expect(outcome.ok).toBe(true);
    expect(gated.calls).toHaveLength(1);
    expect(counts).toMatchObject({ get: 1, add: 1 });
    // Used once: a second lookup with the same handle does its own round trip (here a cache hit,
    // once the answer has been written behind the first card).
    await new Promise((r) => setTimeout(r, 5));
    expect((await service.lookup(GOODS, BARCODE, { early })).meta.cacheHit).toBe(true);
    expect(counts.get).toBe(2);
  });

  it('cancel gives the claim back, so another replica asks at once instead of waiting it out', async () => {
    const store = createMemoryStore({ clock: Date.now });
    const one = gatedClient();
    const two = gatedClient();
    two.release();
    const r1 = replica(one.client, store, 'r1', 60_000);
    const r2 = replica(two.client, store, 'r2', 60_000);
    const early = r1.prepare!(GOODS, BARCODE);
    await new Promise((r) => setTimeout(r, 5));
    early.cancel();
    const outcome = await r2.lookup(GOODS, BARCODE);
    expect(outcome.ok).toBe(true);
    expect(one.calls).toHaveLength(0);
    expect(two.calls).toHaveLength(1);
  });

  it('a handle for another barcode, or a fresh lookup, is given back and not used', async () => {
    const { store, counts } = countingStore(createMemoryStore({ clock: Date.now }));
    const gated = gatedClient();
    gated.release();
    const service = replica(gated.client, store, 'r1');
    const early = service.prepare!(GOODS, '012345678919');
    await service.lookup(GOODS, BARCODE, { early });
    expect(counts).toMatchObject({ get: 2, add: 2 });
    await new Promise((r) => setTimeout(r, 5));
    expect(counts.delete).toBeGreaterThanOrEqual(1);
  });

  it('without acrossReplicas prepare does nothing', () => {
    const { store, counts } = countingStore(createMemoryStore({ clock: Date.now }));
    const service = createLookupService({ client: gatedClient().client, env: 'test', pocId: 'POC01', cacheTtlMs: 15_000, store, hashKey });
    service.prepare!(GOODS, BARCODE).cancel();
    expect(counts).toMatchObject({ get: 0, add: 0, delete: 0 });
  });
});
