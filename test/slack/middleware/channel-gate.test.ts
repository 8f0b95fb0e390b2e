/**
 * The channel gate on its own: what it reads from each kind of payload, which registry row it
 * finds, and how a refusal reaches the person by the entry's reply route, falling back to what
 * the payload offers (a Home tab button: a notice modal on its trigger_id), never silently.
 */
import { describe, expect, it } from 'vitest';
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { parseAllowlist } from '../../../src/config/allowlist.js';
import { createLogger } from '../../../src/log/logger.js';
import { channelGate, originOf } from '../../../src/slack/middleware/channel-gate.js';
import { encodeModalMetadata } from '../../../src/slack/input/metadata.js';
import type { LocaleResolver } from '../../../src/slack/locale/resolver.js';
import { allText } from '../../support/bot-harness.js';
import {
  ALLOWED,
  buttonPayload,
  homeButtonPayload,
  mentionEvent,
  shortcutPayload,
  slashCommand,
  submissionPayload,
} from '../../support/payloads.js';

const RESPONSE_URL = 'http://127.0.0.1:9/response/r1';
/** A slash command as Slack sends it, from `channel` by `user`. */
const command = (channel: string, user: string, triggerId?: string) =>
  slashCommand({ text: 'help', channel, user, responseUrl: RESPONSE_URL, ...(triggerId ? { triggerId } : {}) });
/** A card button's click (`coupon_refresh` unless said otherwise) in `channel`. */
const click = (channel: string, user = 'U1') =>
  buttonPayload({ actionId: 'coupon_refresh', value: '{}', responseUrl: RESPONSE_URL, channel, user });

describe('originOf', () => {
  it('slash command: channel, user and trigger from the flat payload; empty IDs are undefined', () => {
    expect(originOf(command('C0123ABCD', 'U0123ABCD', 'T.1'))).toEqual({
      arrival: { kind: 'command' },
      channelId: 'C0123ABCD',
      userId: 'U0123ABCD',
      triggerId: 'T.1',
      threadTs: undefined,
    });
    expect(originOf(command('', ''))).toMatchObject({ channelId: undefined, userId: undefined });
  });

  it('block_actions: the first action’s ID; channel from body.channel, else container.channel_id', () => {
    const payload = click('C0123ABCD');
    expect(originOf({ ...payload, container: { type: 'message', channel_id: 'C9999' } })).toEqual({
      arrival: { kind: 'action', id: 'coupon_refresh' },
      channelId: 'C0123ABCD',
      userId: 'U1',
      triggerId: payload.trigger_id,
      threadTs: undefined,
    });
    const { channel: _, ...withoutChannel } = payload;
    expect(originOf(withoutChannel).channelId).toBe('C0123ABCD');
  });

  it('block_actions in the App Home tab or a modal has no channel', () => {
    const home = homeButtonPayload({ actionId: 'coupon_refresh', value: '{}', user: 'U1' });
    expect(originOf(home)).toMatchObject({ arrival: { kind: 'action', id: 'coupon_refresh' }, channelId: undefined, userId: 'U1' });
  });

  it('message_action (message shortcut): callback ID and channel', () => {
    expect(
      originOf(shortcutPayload({ message: { text: '쿠폰 확인', ts: '1.0' }, responseUrl: RESPONSE_URL, user: 'U1', channel: 'G0123ABCD' })),
    ).toMatchObject({
      arrival: { kind: 'message_shortcut', id: 'coupon_lookup' },
      channelId: 'G0123ABCD',
      userId: 'U1',
    });
  });

  it('view_submission: callback ID, channel from the modal metadata', () => {
    const privateMetadata = encodeModalMetadata({ channelId: 'C0123ABCD', threadTs: '1712345678.000100' });
    expect(originOf(submissionPayload({ privateMetadata, goods: { kind: 'none' }, user: 'U1' }))).toMatchObject({
      arrival: { kind: 'view_submission', id: 'coupon_lookup_modal' },
      channelId: 'C0123ABCD',
      userId: 'U1',
    });
  });

  it.each([
    ['empty metadata', ''],
    ['garbage metadata', '{not json'],
    ['metadata of another shape', '{"channel":"C0123ABCD"}'],
  ])('view_submission with %s → no channel', (_name, privateMetadata) => {
    expect(originOf(submissionPayload({ privateMetadata, goods: { kind: 'none' }, user: 'U1' })).channelId).toBeUndefined();
  });

  it('view_submission with no metadata at all → no channel', () => {
    const payload = submissionPayload({ privateMetadata: '', goods: { kind: 'none' }, user: 'U1' });
    const { private_metadata: _, ...view } = payload.view as Record<string, unknown>;
    expect(originOf({ ...payload, view }).channelId).toBeUndefined();
  });

  it('global shortcut: gated, with no channel', () => {
    expect(originOf({ type: 'shortcut', callback_id: 'x', user: { id: 'U1' } })).toMatchObject({
      arrival: { kind: 'global_shortcut' },
      channelId: undefined,
    });
  });

  it('app_mention: channel, user and the thread its private notice shows in', () => {
    expect(originOf(mentionEvent({ text: '<@UBOT> hi', channel: 'C0123ABCD', user: 'U1', ts: '1.2' }))).toEqual({
      arrival: { kind: 'event', type: 'app_mention' },
      channelId: 'C0123ABCD',
      userId: 'U1',
      triggerId: undefined,
      threadTs: '1.2',
    });
    expect(originOf(mentionEvent({ text: '<@UBOT> hi', ts: '1.2', thread_ts: '1.0' })).threadTs).toBe('1.0');
  });

  it('another event carries no request and is not gated', () => {
    expect(originOf({ type: 'event_callback', event: { type: 'message', channel: 'C0123ABCD', user: 'U1' } }).arrival).toBeUndefined();
  });

  it('unknown or malformed payloads do not throw', () => {
    expect(originOf({}).arrival).toBeUndefined();
    expect(originOf({ type: 42, user: 'U1', channel: null }).arrival).toBeUndefined();
    expect(originOf({ type: 'block_actions', user: null, channel: 'C0123ABCD', container: 7, actions: 'x' })).toMatchObject({
      arrival: { kind: 'action', id: undefined },
      channelId: undefined,
      userId: undefined,
    });
    expect(originOf({ type: 'view_submission', view: null })).toMatchObject({ arrival: { kind: 'view_submission' }, channelId: undefined });
  });

  it('a payload with a command string is a command whatever else it has', () => {
    expect(originOf({ command: '/coupon', type: 'block_actions', channel_id: 'C1', channel: { id: 'C2' } }).arrival).toEqual({
      kind: 'command',
    });
  });
});

/** One gate run over `body` with recording stand-ins for what Bolt hands a middleware. */
async function gate(body: Record<string, unknown>, handles: { ack?: boolean; respond?: boolean } = { ack: true, respond: true }) {
  const logs: Record<string, unknown>[] = [];
  const calls: { kind: string; value: unknown }[] = [];
  const record = (kind: string) => async (value?: unknown) => {
    calls.push({ kind, value });
    return { ok: true };
  };
  let passed = false;
  const locales: LocaleResolver = { peek: () => undefined, localeOf: async (user) => (user === 'U0EN' ? 'en' : 'ko') };
  const args = {
    body,
    next: async () => {
      passed = true;
    },
    client: { chat: { postEphemeral: record('postEphemeral') }, views: { open: record('views.open') } },
    ...(handles.ack ? { ack: record('ack') } : {}),
    ...(handles.respond ? { respond: record('respond') } : {}),
  } as unknown as AnyMiddlewareArgs & AllMiddlewareArgs;
  const logger = createLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  await channelGate({ allowlist: parseAllowlist(ALLOWED).allowlist, locales, logger, command: '/coupon' })(args);
  return { passed, calls, logs };
}

describe('channelGate', () => {
  it('lets a permitted channel through untouched', async () => {
    const run = await gate(command(ALLOWED, 'U0ALICE'));
    expect(run.passed).toBe(true);
    expect(run.calls).toEqual([]);
  });

  it('a command elsewhere: acked, refused through response_url naming the channel, logged with its entry name', async () => {
    const run = await gate(command('C0DENIED', 'U0ALICE'));
    expect(run.passed).toBe(false);
    expect(run.calls.map((c) => c.kind)).toEqual(['ack', 'respond']);
    expect(allText(run.calls[1]?.value)).toContain('C0DENIED');
    expect(run.logs).toContainEqual(expect.objectContaining({ msg: 'channel_refused', entry: 'command', channel: 'C0DENIED' }));
  });

  it('a card button elsewhere: the notice is added under the card, not over it', async () => {
    const run = await gate(click('C0DENIED', 'U0ALICE'));
    expect(run.calls[1]).toMatchObject({ kind: 'respond', value: { replace_original: false, response_type: 'ephemeral' } });
    expect(run.logs).toContainEqual(expect.objectContaining({ msg: 'channel_refused', entry: 'refresh' }));
  });

  it('a button in the App Home tab (no channel, no response_url): a notice modal on its trigger_id, in the person’s language', async () => {
    const home = homeButtonPayload({ actionId: 'coupon_refresh', value: '{}', user: 'U0EN', triggerId: 'T.home' });
    const run = await gate(home, { ack: true });
    expect(run.passed).toBe(false);
    expect(run.calls.map((c) => c.kind)).toEqual(['ack', 'views.open']);
    const opened = run.calls[1]?.value as { trigger_id: string; view: { type: string } };
    expect(opened.trigger_id).toBe('T.home');
    expect(opened.view.type).toBe('modal');
    expect(allText(opened.view)).toContain('/coupon');
    expect(allText(opened.view)).toContain('only inside a channel');
  });

  it('a form from no readable channel: the form itself turns into the “expired” notice', async () => {
    const run = await gate(submissionPayload({ privateMetadata: '', goods: { kind: 'none' }, user: 'U0ALICE' }));
    expect(run.calls.map((c) => c.kind)).toEqual(['ack']);
    expect(run.calls[0]?.value).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(run.logs).toContainEqual(expect.objectContaining({ msg: 'channel_refused', entry: 'modal', channel: '?' }));
  });

  it('a mention elsewhere (Bolt acked it): chat.postEphemeral to the person, in the mention’s thread', async () => {
    const run = await gate(
      mentionEvent({ text: '<@UBOT> 0000999999 012345678902', channel: 'C0DENIED', user: 'U0ALICE', ts: '5.0', thread_ts: '4.0' }),
      {},
    );
    expect(run.calls.map((c) => c.kind)).toEqual(['postEphemeral']);
    expect(run.calls[0]?.value).toMatchObject({ channel: 'C0DENIED', user: 'U0ALICE', thread_ts: '4.0' });
  });

  it('a payload with no way to answer it is logged, not dropped silently', async () => {
    const run = await gate({ type: 'event_callback', event: { type: 'app_mention', ts: '5.0' } }, {});
    expect(run.passed).toBe(false);
    expect(run.calls).toEqual([]);
    expect(run.logs).toContainEqual(expect.objectContaining({ msg: 'notice_undeliverable', entry: 'mention', notice: 'channel_needed' }));
  });

  it('a payload that carries no request passes whatever its channel', async () => {
    const run = await gate({ type: 'event_callback', event: { type: 'reaction_added', channel: 'C0DENIED' } }, {});
    expect(run.passed).toBe(true);
  });
});
