/**
 * The Events API gates on their own: bot-written events never go further, the first delivery
 * of an `event_id` goes on and later ones stop, through the store's add-if-absent (so a shared
 * store makes it hold across replicas), and a failing store lets the event through.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/logger.js';
import { createMemoryStore } from '../../../src/stores/memory/key-value.js';
import type { KeyValueStore } from '../../../src/stores/types.js';
import { BOT_USER, buttonPayload, mentionEvent, slashCommand } from '../../support/payloads.js';
import { EVENT_CLAIM_TTL_MS, eventOnce, ignoreBotEvents, isBotAuthored } from '../../../src/slack/middleware/event-admission.js';

function harness() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { lines, logger };
}

/** Run a middleware on `body`; true when it called next(). */
async function passes(mw: (args: never) => Promise<void>, body: unknown, context: Record<string, unknown> = {}): Promise<boolean> {
  let nexted = false;
  await mw({ body, context, next: async () => void (nexted = true) } as never);
  return nexted;
}

/** A mention's event_callback with `eventId` (none when undefined), by `user` or a bot. */
const mention = (eventId: string | undefined, by: { user?: string; botId?: string } = { user: 'U1' }): Record<string, unknown> => {
  const { event_id, ...body } = mentionEvent({ text: `<@${BOT_USER}> hi`, ts: '1700000000.000200', channel: 'C1', eventId, ...by });
  return eventId === undefined ? body : { ...body, event_id };
};
const command = slashCommand({ text: 'help', user: 'UBOT', responseUrl: 'http://127.0.0.1:9/response/r1' });
const click = buttonPayload({ actionId: 'coupon_refresh', value: '{}', responseUrl: 'http://127.0.0.1:9/response/r2' });

describe('isBotAuthored', () => {
  it('knows bots by bot_id, bot_message and our own user, and people otherwise', () => {
    expect(isBotAuthored({ user: 'U1', bot_id: 'B1' }, 'UBOT')).toBe(true);
    expect(isBotAuthored({ subtype: 'bot_message' }, 'UBOT')).toBe(true);
    expect(isBotAuthored({ user: 'UBOT' }, 'UBOT')).toBe(true);
    expect(isBotAuthored({ user: 'U1' }, 'UBOT')).toBe(false);
    expect(isBotAuthored({ user: 'U1', bot_id: '' }, undefined)).toBe(false);
  });
});

describe('ignoreBotEvents', () => {
  it('stops a bot-written event and lets people and non-event payloads through', async () => {
    const { logger, lines } = harness();
    const mw = ignoreBotEvents({ logger });
    expect(await passes(mw, mention('Ev1', { botId: 'B9' }), { botUserId: 'UBOT' })).toBe(false);
    expect(await passes(mw, mention('Ev2', { user: 'UBOT' }), { botUserId: 'UBOT' })).toBe(false);
    expect(await passes(mw, mention('Ev3'), { botUserId: 'UBOT' })).toBe(true);
    expect(await passes(mw, command, { botUserId: 'UBOT' })).toBe(true);
    expect(lines.filter((l) => l.msg === 'bot_event_ignored')).toHaveLength(2);
  });
});

describe('eventOnce', () => {
  it('lets the first delivery of an event_id through and stops the rest, for as long as the claim lives', async () => {
    let now = 1_000;
    const store = createMemoryStore({ clock: () => now });
    const { logger, lines } = harness();
    const mw = eventOnce({ logger, store });

    expect(await passes(mw, mention('Ev0AAA'))).toBe(true);
    expect(await passes(mw, mention('Ev0AAA'), { retryNum: 2, retryReason: 'http_timeout' })).toBe(false);
    expect(await passes(mw, mention('Ev0BBB'))).toBe(true);
    expect(lines.filter((l) => l.msg === 'duplicate_event')).toEqual([
      expect.objectContaining({ eventId: 'Ev0AAA', retryNum: 2, retryReason: 'http_timeout' }),
    ]);
    expect(await store.get('event:Ev0AAA')).toBe(1);

    now += EVENT_CLAIM_TTL_MS;
    expect(await passes(mw, mention('Ev0AAA'))).toBe(true);
  });

  it('two bots sharing one store handle an event once between them', async () => {
    const store = createMemoryStore({ clock: () => 0 });
    const a = eventOnce({ logger: harness().logger, store });
    const b = eventOnce({ logger: harness().logger, store });
    const results = await Promise.all([passes(a, mention('Ev0SHARED')), passes(b, mention('Ev0SHARED'))]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a failing store lets the event through (answered twice at worst, never dropped) and says so', async () => {
    const broken: KeyValueStore = {
      get: async () => undefined,
      set: async () => undefined,
      add: async () => {
        throw new Error('connection refused');
      },
      delete: async () => undefined,
    };
    const { logger, lines } = harness();
    expect(await passes(eventOnce({ logger, store: broken }), mention('Ev0DOWN'))).toBe(true);
    expect(lines.find((l) => l.msg === 'event_dedupe_failed')).toMatchObject({ level: 'warn', eventId: 'Ev0DOWN' });
  });

  it('leaves commands, interactions and id-less bodies alone', async () => {
    const store = createMemoryStore({ clock: () => 0 });
    const mw = eventOnce({ logger: harness().logger, store });
    expect(await passes(mw, command)).toBe(true);
    expect(await passes(mw, click)).toBe(true);
    expect(await passes(mw, mention(undefined))).toBe(true);
    expect(await passes(mw, mention(undefined))).toBe(true);
    expect(store.size).toBe(0);
  });
});
