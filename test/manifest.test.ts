/**
 * manifest.yml is pasted into Slack by hand, so nothing checks it until someone installs the
 * app. These checks keep it in step with the code and inside Slack's documented limits. The
 * file is read as text (no YAML dependency): each fact is one `key: value` line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { App } from '@slack/bolt';
import { DEFAULT_COMMAND } from '../src/config/slack.js';
import { registerListeners } from '../src/slack/listeners/index.js';
import type { BotDeps } from '../src/slack/deps/bot-deps.js';

/** What the real wiring registers, by Bolt method: `event` → ['app_mention'], `shortcut` → ['coupon_lookup'], … */
function registered(): Record<string, unknown[]> {
  const seen: Record<string, unknown[]> = {};
  const record = (method: string) => (id: unknown) => {
    (seen[method] ??= []).push(id);
  };
  const app = Object.fromEntries(['command', 'action', 'shortcut', 'view', 'event'].map((m) => [m, record(m)]));
  registerListeners(app as unknown as App, { command: DEFAULT_COMMAND } as BotDeps);
  return seen;
}

const text = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
const lines = text.split('\n').filter((l) => !l.trimStart().startsWith('#'));
const value = (key: string): string[] =>
  lines.flatMap((l) => {
    const m = new RegExp(`^\\s*-?\\s*${key}:\\s*(.*)$`).exec(l);
    return m ? [m[1]!.replace(/^"(.*)"$/, '$1')] : [];
  });

describe('manifest.yml', () => {
  it('declares the command and the shortcut the code listens for', () => {
    // COUPON_COMMAND defaults to the manifest's command; an admin renaming one renames both.
    expect(value('command')).toEqual([DEFAULT_COMMAND]);
    expect(text).toContain('COUPON_COMMAND');
    expect(registered().command).toEqual([DEFAULT_COMMAND]);
    expect(value('callback_id')).toEqual(registered().shortcut);
    expect(value('type')).toContain('message');
  });

  it('asks for exactly the scopes the bot uses', () => {
    const scopes = text
      .match(/bot:\n((?:\s+- [^\n]+\n)+)/)?.[1]
      ?.split('\n')
      .map((l) => l.replace(/^\s+- /, '').trim())
      .filter(Boolean);
    expect(scopes).toEqual(['commands', 'chat:write', 'chat:write.public', 'users:read', 'app_mentions:read']);
  });

  it('subscribes to exactly the bot events the code listens for', () => {
    const listened = registered().event;
    const botEvents = text
      .match(/bot_events:\n((?:\s+- [^\n]+\n)+)/)?.[1]
      ?.split('\n')
      .map((l) => l.replace(/^\s+- /, '').trim())
      .filter(Boolean);
    expect(listened).toEqual(['app_mention']);
    expect(botEvents).toEqual(listened);
    // Under settings (where Slack reads it), with the HTTP-mode URL documented beside it.
    expect(text).toMatch(
      /\nsettings:\n(?:\s+.*\n)*?\s+event_subscriptions:\n\s+# request_url: https:\/\/[^\s]+\/slack\/events\n\s+bot_events:/,
    );
  });

  it('turns on interactivity and Socket Mode, and stays inside Slack limits', () => {
    expect(value('is_enabled')).toEqual(['true']);
    expect(value('socket_mode_enabled')).toEqual(['true']);
    const [displayName] = value('display_name');
    expect(displayName).toMatch(/^[a-z0-9._-]{1,80}$/);
    expect(value('name')[0]!.length).toBeLessThanOrEqual(35);
    // Slack's manifest limit for descriptions is 140 characters (the shortcut's 150 is looser).
    for (const d of value('description')) expect(d.length).toBeLessThanOrEqual(140);
  });
});
