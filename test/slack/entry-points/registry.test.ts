/**
 * The entry-point registry: one row per way in, each told apart by how it arrives, each wired to
 * exactly one listener, and the one source of the metrics' `entry` label.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ENTRY_LABELS, entryLabel } from '../../../src/metrics/labels.js';
import type { BotDeps } from '../../../src/slack/deps/bot-deps.js';
import { ENTRY_METRICS, ENTRY_POINTS, entryFor, entryPoint, type ArrivalKey } from '../../../src/slack/entry-points/registry.js';
import { registerListeners } from '../../../src/slack/listeners/index.js';

/** The key a payload of `entry` would yield (what the channel gate reads). */
function keyOf(entry: (typeof ENTRY_POINTS)[number]): ArrivalKey {
  const a = entry.arrives;
  switch (a.kind) {
    case 'command':
      return { kind: 'command' };
    case 'action':
      return { kind: 'action', id: a.actionId };
    case 'message_shortcut':
    case 'view_submission':
      return { kind: a.kind, id: a.callbackId };
    case 'event':
      return { kind: 'event', type: a.type };
  }
}

describe('entry-point registry', () => {
  it('has the entry points the bot answers, each name once', () => {
    const names = ENTRY_POINTS.map((e) => e.name);
    expect(names).toEqual(['command', 'shortcut', 'modal', 'refresh', 'retry', 'share', 'mention']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('tells every row apart by how it arrives: a payload finds its own row and no other', () => {
    for (const entry of ENTRY_POINTS) expect(entryFor(keyOf(entry))?.name).toBe(entry.name);
    expect(entryFor({ kind: 'action', id: 'someone_elses_button' })).toBeUndefined();
    expect(entryFor({ kind: 'action', id: undefined })).toBeUndefined();
    expect(entryFor({ kind: 'event', type: 'reaction_added' })).toBeUndefined();
  });

  it('gates every current entry by channel; mentions answer privately with chat.postEphemeral, the form in place', () => {
    expect(ENTRY_POINTS.every((e) => e.gate === 'channel')).toBe(true);
    expect(entryPoint('mention').reply).toBe('ephemeral');
    expect(entryPoint('modal').reply).toBe('view');
    expect(entryPoint('command').reply).toBe('response_url');
  });

  it('is the metrics’ entry label set; an unknown name is `other`', () => {
    expect(ENTRY_LABELS).toEqual(ENTRY_METRICS);
    expect(ENTRY_METRICS).toEqual(['command', 'shortcut', 'modal', 'refresh', 'retry', 'share', 'mention']);
    expect(entryLabel('share')).toBe('share');
    expect(entryLabel('U0123ABCD')).toBe('other');
    expect(entryLabel(undefined)).toBe('other');
  });

  it('wires one listener per row, the way the row arrives', () => {
    const seen: { method: string; id: unknown }[] = [];
    const record = (method: string) => (id: unknown) => seen.push({ method, id });
    const app = Object.fromEntries(['command', 'action', 'shortcut', 'view', 'event'].map((m) => [m, record(m)]));
    registerListeners(app as unknown as App, { command: '/renamed' } as BotDeps);
    expect(seen).toEqual([
      { method: 'command', id: '/renamed' },
      { method: 'shortcut', id: 'coupon_lookup' },
      { method: 'view', id: { callback_id: 'coupon_lookup_modal', type: 'view_submission' } },
      { method: 'action', id: 'coupon_refresh' },
      { method: 'action', id: 'coupon_retry' },
      { method: 'action', id: 'coupon_share' },
      { method: 'event', id: 'app_mention' },
    ]);
  });
});
