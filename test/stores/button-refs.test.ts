import { describe, expect, it } from 'vitest';
import { ButtonRefs } from '../../src/stores/button-refs.js';
import { createMemoryStore } from '../../src/stores/memory/key-value.js';
import { encodeActionValue } from '../../src/slack/render/index.js';
import { decodeActionRef } from '../support/action-values.js';

const REQUEST = { goodsId: '0000999999', barcodes: ['012345678902'] };

describe('ButtonRefs (thread card buttons)', async () => {
  it('hands out unguessable, URL-safe references that resolve to the request', async () => {
    const refs = new ButtonRefs(createMemoryStore({ clock: () => 0 }));
    const a = await refs.put(REQUEST);
    const b = await refs.put(REQUEST);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(await refs.get(a)).toEqual(REQUEST);
    expect(await refs.get('unknownReference123')).toBeNull();
    // What a button carries round-trips through the decoder the listener uses.
    expect(decodeActionRef(encodeActionValue({ ref: a }))).toBe(a);
  });

  it('forgets a reference after its time to live', async () => {
    let now = 1_000;
    const refs = new ButtonRefs(createMemoryStore({ clock: () => now }), 60_000);
    const ref = await refs.put(REQUEST);
    now += 59_999;
    expect(await refs.get(ref)).toEqual(REQUEST);
    now += 1;
    expect(await refs.get(ref)).toBeNull();
  });

  it('stays bounded: the oldest reference goes first', async () => {
    const refs = new ButtonRefs(createMemoryStore({ clock: () => 0, maxEntries: 2 }), 60_000);
    const first = await refs.put(REQUEST);
    const second = await refs.put(REQUEST);
    const third = await refs.put(REQUEST);
    expect([await refs.get(first), await refs.get(second), await refs.get(third)]).toEqual([null, REQUEST, REQUEST]);
  });

  it('a value that is not a reference decodes to null', async () => {
    for (const v of ['{"g":"0000999999","b":["012345678902"]}', '{"r":"short"}', '{"r":"has spaces in it"}', 'not json', '{"r":42}']) {
      expect(decodeActionRef(v)).toBeNull();
    }
  });
});
