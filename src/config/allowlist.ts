/**
 * Which channels may use the bot, pure. The Slack middleware (`slack/middleware/channel-gate.ts`)
 * applies it; nothing here knows Bolt.
 */

/** `*` permits every channel; an empty set permits none. */
export type ChannelAllowlist = { readonly all: true } | { readonly all: false; readonly ids: ReadonlySet<string> };

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** A Slack channel ID (public `C…`, private `G…`, DM `D…`). */
export function isChannelId(id: string): boolean {
  return CHANNEL_ID.test(id);
}

/** Parse ALLOWED_CHANNEL_IDS. Problems are returned, not thrown, for the config loader. */
export function parseAllowlist(raw: string | undefined): { allowlist: ChannelAllowlist; problems: string[] } {
  if (raw === undefined) return { allowlist: { all: false, ids: new Set() }, problems: [] };
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 1 && parts[0] === '*') return { allowlist: { all: true }, problems: [] };
  const problems = parts
    .filter((id) => !CHANNEL_ID.test(id))
    .map((id) => `ALLOWED_CHANNEL_IDS has "${id}", which is not a channel ID (C…, G… or D…, upper case) or "*" alone.`);
  return { allowlist: { all: false, ids: new Set(parts.filter((id) => CHANNEL_ID.test(id))) }, problems };
}

export function isChannelAllowed(allowlist: ChannelAllowlist, channelId: string | undefined): boolean {
  if (allowlist.all) return true;
  return channelId !== undefined && allowlist.ids.has(channelId);
}
