import { describe, expect, it } from 'vitest';
import { decodeModalMetadata, encodeModalMetadata, type ModalMetadata } from '../../../src/slack/input/metadata.js';

/** Slack's limit on a view's private_metadata. */
const PRIVATE_METADATA_MAX = 3000;

describe('modal metadata', () => {
  it('round-trips channel, thread and response URL', () => {
    const m: ModalMetadata = {
      channelId: 'C0123ABCDEF',
      threadTs: '1712345678.123456',
      responseUrl: 'https://hooks.slack.com/app/T0123ABC/1234567890123/AbCdEfGhIjKlMnOpQrStUvWx',
    };
    expect(decodeModalMetadata(encodeModalMetadata(m))).toEqual(m);
  });

  it('round-trips without a response URL (and does not invent one)', () => {
    const m: ModalMetadata = { channelId: 'G0123ABCDEF', threadTs: '1712345678.000100' };
    const decoded = decodeModalMetadata(encodeModalMetadata(m));
    expect(decoded).toEqual(m);
    expect(decoded).not.toHaveProperty('responseUrl');
  });

  it('an empty response URL is left out', () => {
    expect(encodeModalMetadata({ channelId: 'C1', threadTs: '1.2', responseUrl: '' })).toBe('{"c":"C1","t":"1.2"}');
  });

  it('stays far below the private_metadata limit for realistic values', () => {
    const encoded = encodeModalMetadata({
      channelId: 'C'.padEnd(20, 'Z'),
      threadTs: '1712345678.123456',
      responseUrl: `https://hooks.slack.com/app/${'T'.padEnd(12, '0')}/${'9'.repeat(16)}/${'a'.repeat(48)}`,
    });
    expect(encoded.length).toBeLessThan(PRIVATE_METADATA_MAX / 10);
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['not JSON', 'C0123|1712345678.1'],
    ['truncated JSON', '{"c":"C1","t":"1.'],
    ['JSON null', 'null'],
    ['JSON array', '["C1","1.2"]'],
    ['JSON string', '"C1"'],
    ['JSON number', '42'],
    ['missing thread', '{"c":"C1"}'],
    ['missing channel', '{"t":"1.2"}'],
    ['wrong types', '{"c":1,"t":2}'],
    ['long names', '{"channelId":"C1","threadTs":"1.2"}'],
  ])('%s → null', (_name, raw) => {
    expect(decodeModalMetadata(raw)).toBeNull();
  });

  it('ignores a response URL of the wrong type and unknown keys', () => {
    expect(decodeModalMetadata('{"c":"C1","t":"1.2","r":5,"x":"y"}')).toEqual({ channelId: 'C1', threadTs: '1.2' });
  });
});
