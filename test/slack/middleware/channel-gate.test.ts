import { describe, expect, it } from 'vitest';
import { originOf } from '../../../src/slack/middleware/channel-gate.js';
import { encodeModalMetadata } from '../../../src/slack/input/metadata.js';

describe('originOf', () => {
  it('slash command: channel and user from the flat payload', () => {
    expect(originOf({ command: '/coupon', text: 'help', channel_id: 'C0123ABCD', user_id: 'U0123ABCD' })).toEqual({
      kind: 'command',
      channelId: 'C0123ABCD',
      userId: 'U0123ABCD',
    });
  });

  it('slash command with empty IDs → undefined, not ""', () => {
    expect(originOf({ command: '/coupon', channel_id: '', user_id: '' })).toEqual({
      kind: 'command',
      channelId: undefined,
      userId: undefined,
    });
  });

  it('block_actions: channel from body.channel', () => {
    expect(
      originOf({ type: 'block_actions', user: { id: 'U1' }, channel: { id: 'C0123ABCD' }, container: { channel_id: 'C9999' } }),
    ).toEqual({
      kind: 'block_actions',
      channelId: 'C0123ABCD',
      userId: 'U1',
    });
  });

  it('block_actions: falls back to container.channel_id (e.g. ephemeral messages)', () => {
    expect(originOf({ type: 'block_actions', user: { id: 'U1' }, container: { type: 'message', channel_id: 'C0123ABCD' } })).toMatchObject({
      channelId: 'C0123ABCD',
    });
  });

  it('block_actions inside a modal has no channel', () => {
    expect(originOf({ type: 'block_actions', user: { id: 'U1' }, container: { type: 'view', view_id: 'V1' } })).toEqual({
      kind: 'block_actions',
      channelId: undefined,
      userId: 'U1',
    });
  });

  it('message_action (message shortcut): channel from body.channel', () => {
    expect(originOf({ type: 'message_action', callback_id: 'coupon_lookup', user: { id: 'U1' }, channel: { id: 'G0123ABCD' } })).toEqual({
      kind: 'message_action',
      channelId: 'G0123ABCD',
      userId: 'U1',
    });
  });

  it('view_submission: channel from the modal metadata', () => {
    const private_metadata = encodeModalMetadata({ channelId: 'C0123ABCD', threadTs: '1712345678.000100' });
    expect(originOf({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1', private_metadata } })).toEqual({
      kind: 'view_submission',
      channelId: 'C0123ABCD',
      userId: 'U1',
    });
  });

  it.each([
    ['no metadata', { id: 'V1' }],
    ['empty metadata', { id: 'V1', private_metadata: '' }],
    ['garbage metadata', { id: 'V1', private_metadata: '{not json' }],
    ['metadata of another shape', { id: 'V1', private_metadata: '{"channel":"C0123ABCD"}' }],
  ])('view_submission with %s → no channel', (_name, view) => {
    expect(originOf({ type: 'view_submission', user: { id: 'U1' }, view })).toEqual({
      kind: 'view_submission',
      channelId: undefined,
      userId: 'U1',
    });
  });

  it('global shortcut: kind only (no channel)', () => {
    expect(originOf({ type: 'shortcut', callback_id: 'x', user: { id: 'U1' } })).toEqual({
      kind: 'shortcut',
      channelId: undefined,
      userId: 'U1',
    });
  });

  it('an event never yields a channel, even when the event names one', () => {
    expect(
      originOf({ type: 'event_callback', event: { type: 'message', channel: 'C0123ABCD', user: 'U1' }, channel: { id: 'C0123ABCD' } }),
    ).toEqual({ kind: 'event_callback', channelId: undefined, userId: undefined });
  });

  it('unknown or malformed payloads do not throw', () => {
    expect(originOf({})).toEqual({ kind: 'unknown', channelId: undefined, userId: undefined });
    expect(originOf({ type: 42, user: 'U1', channel: null })).toEqual({ kind: 'unknown', channelId: undefined, userId: undefined });
    expect(originOf({ type: 'block_actions', user: null, channel: 'C0123ABCD', container: 7 })).toEqual({
      kind: 'block_actions',
      channelId: undefined,
      userId: undefined,
    });
    expect(originOf({ type: 'view_submission', view: null })).toEqual({ kind: 'view_submission', channelId: undefined, userId: undefined });
  });

  it('a payload with a command string is a command whatever else it has', () => {
    expect(originOf({ command: '/coupon', type: 'block_actions', channel_id: 'C1', channel: { id: 'C2' } }).kind).toBe('command');
  });
});
