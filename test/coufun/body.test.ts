import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { discardBody, readCappedBody } from '../../src/coufun/body.js';
import { OversizeError } from '../../src/coufun/errors.js';

function chunks(...parts: string[]): Readable {
  return Readable.from(
    parts.map((p) => Buffer.from(p)),
    { objectMode: false },
  );
}

describe('readCappedBody', () => {
  it('joins the chunks of a body within the cap', async () => {
    const bytes = await readCappedBody(chunks('<a>', 'bc', '</a>'), undefined, 64);
    expect(Buffer.from(bytes).toString()).toBe('<a>bc</a>');
  });

  it('accepts a body of exactly the cap', async () => {
    await expect(readCappedBody(chunks('1234', '5678'), '8', 8)).resolves.toHaveLength(8);
  });

  it('fails on an announced content-length over the cap without reading, and destroys the stream', async () => {
    const body = chunks('x');
    await expect(readCappedBody(body, '9', 8)).rejects.toBeInstanceOf(OversizeError);
    expect(body.destroyed).toBe(true);
    expect(body.readableEnded).toBe(false);
  });

  it('fails as soon as the bytes pass the cap, and destroys the stream', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(4));
      },
    });
    await expect(readCappedBody(endless, undefined, 10)).rejects.toMatchObject({ limitBytes: 10 });
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('passes stream errors through', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('boom'));
      },
    });
    await expect(readCappedBody(broken, undefined, 10)).rejects.toThrow('boom');
  });
});

describe('discardBody', () => {
  it('destroys the stream and swallows the error it then emits', async () => {
    const body = new Readable({ read() {} });
    discardBody(body);
    body.emit('error', new Error('Request aborted'));
    expect(body.destroyed).toBe(true);
  });
});
