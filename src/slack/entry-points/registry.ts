/**
 * Every way a request reaches the bot in Slack, in one table: each entry point's name, its
 * metric label, how its payload is recognised, how the channel gate treats it and how it answers
 * the person privately. The channel gate (src/slack/middleware/channel-gate.ts), the listeners'
 * wiring (src/slack/listeners/index.ts), the lookup flow's audit line and the metrics' `entry`
 * label (src/metrics/labels.ts) all read it. Adding an entry point is one row here, one listener
 * file, and its words. Pure data.
 */

/** How an entry point's payload arrives, and the ID that tells it apart from others of its kind. */
export type Arrival =
  /** The slash command (its name is a setting, `COUPON_COMMAND`). */
  | { readonly kind: 'command' }
  /** A button (`block_actions`) with this `action_id`. */
  | { readonly kind: 'action'; readonly actionId: string }
  /** A message shortcut (`message_action`) with this `callback_id`; the manifest declares it. */
  | { readonly kind: 'message_shortcut'; readonly callbackId: string }
  /** A form submitted (`view_submission`) whose view has this `callback_id`. */
  | { readonly kind: 'view_submission'; readonly callbackId: string }
  /** An Events API event of this type (`app_mention`, `app_home_opened`, …); the manifest subscribes to it. */
  | { readonly kind: 'event'; readonly type: string };

/**
 * What the channel gate asks of a payload before any listener sees it:
 * - `channel`: it comes from a channel on the allowlist (`ALLOWED_CHANNEL_IDS`). A payload with
 *   no channel at all (a button in the App Home tab or inside a modal) is refused as well, with
 *   a notice saying where to ask instead.
 * - `none`: not gated (nothing is looked up or shown in a channel).
 */
export type GateRule = 'channel' | 'none';

/**
 * How an entry point answers the person privately (notices, refusals), and so how the gate's
 * refusal reaches them:
 * - `response_url`: Bolt's `respond` (commands, message shortcuts, buttons on messages);
 * - `view`: the submission's own acknowledgement, the form turning into the notice;
 * - `ephemeral`: `chat.postEphemeral` to the person (Events API payloads carry no response_url);
 * - `modal`: a notice modal opened with the payload's `trigger_id` (`views.open`), for an
 *   interaction with neither a response_url nor a channel (a button in the App Home tab).
 * Where the payload lacks what its route needs, the reply falls back to what it offers (see
 * src/slack/delivery/notice-route.ts), and is logged rather than dropped silently when it offers nothing.
 */
export type ReplyRoute = 'response_url' | 'view' | 'ephemeral' | 'modal';

/** One row of the table. */
export interface EntryPointSpec {
  /** The name used in logs (`entry`) and by the listeners' wiring. */
  readonly name: string;
  /** The `entry` label of the metrics; several rows may share one. */
  readonly metric: string;
  readonly arrives: Arrival;
  readonly gate: GateRule;
  readonly reply: ReplyRoute;
}

/** The entry points, in the order their listeners are registered. */
export const ENTRY_POINTS = [
  { name: 'command', metric: 'command', arrives: { kind: 'command' }, gate: 'channel', reply: 'response_url' },
  {
    name: 'shortcut',
    metric: 'shortcut',
    arrives: { kind: 'message_shortcut', callbackId: 'coupon_lookup' },
    gate: 'channel',
    reply: 'response_url',
  },
  {
    name: 'modal',
    metric: 'modal',
    arrives: { kind: 'view_submission', callbackId: 'coupon_lookup_modal' },
    gate: 'channel',
    reply: 'view',
  },
  { name: 'refresh', metric: 'refresh', arrives: { kind: 'action', actionId: 'coupon_refresh' }, gate: 'channel', reply: 'response_url' },
  { name: 'retry', metric: 'retry', arrives: { kind: 'action', actionId: 'coupon_retry' }, gate: 'channel', reply: 'response_url' },
  { name: 'share', metric: 'share', arrives: { kind: 'action', actionId: 'coupon_share' }, gate: 'channel', reply: 'response_url' },
  { name: 'mention', metric: 'mention', arrives: { kind: 'event', type: 'app_mention' }, gate: 'channel', reply: 'ephemeral' },
] as const satisfies readonly EntryPointSpec[];

export type EntryPoint = (typeof ENTRY_POINTS)[number];
export type EntryName = EntryPoint['name'];

/** The row named `name`. */
export function entryPoint<N extends EntryName>(name: N): Extract<EntryPoint, { readonly name: N }> {
  return ENTRY_POINTS.find((e) => e.name === name) as Extract<EntryPoint, { readonly name: N }>;
}

/** What identifies a payload: its kind and, for kinds with several entry points, its ID. */
export type ArrivalKey =
  | { readonly kind: 'command' }
  | { readonly kind: 'action' | 'message_shortcut' | 'view_submission'; readonly id: string | undefined }
  | { readonly kind: 'event'; readonly type: string | undefined };

/** The ID that tells an arrival apart from others of its kind (none for the command). */
function idOf(a: Arrival): string | undefined {
  switch (a.kind) {
    case 'command':
      return undefined;
    case 'action':
      return a.actionId;
    case 'message_shortcut':
    case 'view_submission':
      return a.callbackId;
    case 'event':
      return a.type;
  }
}

/** The entry point a payload is, or undefined for one no row describes (no listener answers it). */
export function entryFor(key: ArrivalKey): EntryPoint | undefined {
  const id = 'id' in key ? key.id : 'type' in key ? key.type : undefined;
  return ENTRY_POINTS.find((e) => e.arrives.kind === key.kind && idOf(e.arrives) === id);
}

/** The metric label of the entry point named `name`, or undefined for a name no row has. */
export function metricOf(name: string): string | undefined {
  return ENTRY_POINTS.find((e) => e.name === name)?.metric;
}

/** Every metric label, each once, in table order. */
export const ENTRY_METRICS: readonly string[] = [...new Set(ENTRY_POINTS.map((e) => e.metric))];
