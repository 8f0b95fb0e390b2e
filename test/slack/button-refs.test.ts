import { describe, expect, it } from 'vitest';
import { ButtonRefs } from '../../src/slack/button-refs.js';
import { decodeActionRef, encodeActionValue } from '../../src/slack/render/index.js';

const REQUEST = { goodsId: '0000999999', barcodes: ['012345678902'] };

describe('ButtonRefs (thread card buttons)', () => {
  it('hands out unguessable, URL-safe references that resolve to the request', () => {
    const refs = new ButtonRefs(() => 0);
    const a = refs.put(REQUEST);
    const b = refs.put(REQUEST);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(refs.get(a)).toEqual(REQUEST);
    expect(refs.get('unknownReference123')).toBeNull();
    // What a button carries round-trips through the decoder the listener uses.
    expect(decodeActionRef(encodeActionValue({ ref: a }))).toBe(a);
  });

  it('forgets a reference after its time to live', () => {
    let now = 1_000;
    const refs = new ButtonRefs(() => now, 60_000);
    const ref = refs.put(REQUEST);
    now += 59_999;
    expect(refs.get(ref)).toEqual(REQUEST);
    now += 1;
    expect(refs.get(ref)).toBeNull();
  });

  it('stays bounded: the oldest reference goes first', () => {
    const refs = new ButtonRefs(() => 0, 60_000, 2);
    const first = refs.put(REQUEST);
    const second = refs.put(REQUEST);
    const third = refs.put(REQUEST);
    expect([refs.get(first), refs.get(second), refs.get(third)]).toEqual([null, REQUEST, REQUEST]);
  });

  it('a value that is not a reference decodes to null', () => {
    for (const v of ['{"g":"0000999999","b":["012345678902"]}', '{"r":"short"}', '{"r":"has spaces in it"}', 'not json', '{"r":42}']) {
      expect(decodeActionRef(v)).toBeNull();
    }
  });
});
