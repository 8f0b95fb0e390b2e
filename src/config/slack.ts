/** The Slack settings (tokens, mode, port, the command's name, the channel allowlist, limits). */
import { MAX_BARCODES } from './limits.js';
import { type ChannelAllowlist, parseAllowlist } from './allowlist.js';
import type { EnvReader } from './env.js';

export interface SlackConfig {
  /** Socket Mode when SLACK_APP_TOKEN is set, else HTTP. */
  readonly mode: 'http' | 'socket';
  readonly botToken: string;
  /** Required in HTTP mode; optional in Socket Mode. */
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  /** HTTP mode: Slack requests and /healthz. Socket Mode: /healthz only, and only when PORT is set. */
  readonly port: number | undefined;
  readonly apiUrl: string | undefined;
  /** The slash command's name (`COUPON_COMMAND`, default `/coupon`): must match the manifest. */
  readonly command: string;
  readonly allowlist: ChannelAllowlist;
  readonly rateLimitPerMinute: number;
  readonly shutdownGraceMs: number;
  /** /healthz says "degraded" after this many vendor failures in a row. */
  readonly degradedAfterFailures: number;
}

/** The Slack settings: tokens and mode, port, API URL, command, allowlist and limits. */
export function readSlackConfig(r: EnvReader): SlackConfig {
  const appToken = r.str('SLACK_APP_TOKEN');
  const botToken = r.str('SLACK_BOT_TOKEN');
  const signingSecret = r.str('SLACK_SIGNING_SECRET');
  const mode = appToken ? 'socket' : 'http';
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    r.problems.push('SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Socket Mode), or be left unset for HTTP mode.');
  }
  if (botToken === undefined) r.problems.push('SLACK_BOT_TOKEN is required (the bot token, "xoxb-…", from the app\'s OAuth page).');
  else if (!botToken.startsWith('xoxb-')) r.problems.push('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-".');
  if (mode === 'http' && signingSecret === undefined) {
    r.problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode.',
    );
  }

  const portSet = r.str('PORT') !== undefined;
  const port = r.int('PORT', 3000, 0, 65_535);

  const allow = parseAllowlist(r.str('ALLOWED_CHANNEL_IDS'));
  r.problems.push(...allow.problems);
  const command = readCommand(r);

  return Object.freeze({
    mode,
    botToken: botToken ?? '',
    signingSecret,
    appToken,
    port: mode === 'http' || portSet ? port : undefined,
    apiUrl: r.url('SLACK_API_URL'),
    command,
    allowlist: allow.allowlist,
    // At least one full request's worth, or a 5-barcode lookup could never pass.
    rateLimitPerMinute: r.int('COUPON_RATE_LIMIT_PER_MINUTE', 30, MAX_BARCODES, 10_000),
    shutdownGraceMs: r.int('SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    degradedAfterFailures: r.int('HEALTH_DEGRADED_AFTER', 3, 1, 1000),
  });
}

/** The default slash command, as the manifest ships it. */
export const DEFAULT_COMMAND = '/coupon';

/**
 * `COUPON_COMMAND`: the slash command the bot answers, exactly as the manifest's
 * `features.slash_commands[].command` names it (an admin renames it there when another app took
 * `/coupon`). Slack's rules: a leading `/`, lower case, no spaces, at most 32 characters.
 */
export function readCommand(r: EnvReader): string {
  const value = r.str('COUPON_COMMAND');
  if (value === undefined) return DEFAULT_COMMAND;
  const problem = !value.startsWith('/')
    ? `starts with "/" (e.g. "/${value}")`
    : /\s/.test(value)
      ? 'has no spaces'
      : value !== value.toLowerCase()
        ? 'is lower case'
        : [...value].length < 2 || [...value].length > 32
          ? 'is 2–32 characters long'
          : null;
  if (problem === null) return value;
  r.problems.push(`COUPON_COMMAND="${value}" must be the slash command as the manifest names it: one that ${problem}.`);
  return DEFAULT_COMMAND;
}
