/**
 * One builder per kind of payload Slack sends the bot, with Slack's shapes (only the fields Bolt
 * and the bot read are filled in): a slash command's form fields, `block_actions` (a card
 * button), `message_action` (the shortcut), `view_submission` (its modal), an `event_callback`
 * carrying an `app_mention`, and the Socket Mode envelope around any of them. Tests and the
 * benchmark build requests from these, never by hand.
 */

/** The channel the test bots permit (ALLOWED_CHANNEL_IDS). */
export const ALLOWED = 'C0ALLOWED';
/** A channel they do not. */
export const DENIED = 'C0DENIED';
/** The bot user `auth.test` names on the fake Slack: what a mention's text starts with. */
export const BOT_USER = 'UBOT';
const team = { id: 'T1', domain: 'ops' };
const person = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: 'T1' });

export interface SlashCommandOptions {
  readonly text: string;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  readonly command?: string;
  readonly triggerId?: string;
}

/** The fields of a slash command as Slack sends them (form-encoded over HTTP, the payload in Socket Mode). */
export function slashCommand(opts: SlashCommandOptions): Record<string, string> {
  const user = opts.user ?? 'U0ALICE';
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'ops',
    channel_id: opts.channel ?? ALLOWED,
    channel_name: 'cs-triage',
    user_id: user,
    user_name: user.toLowerCase(),
    command: opts.command ?? '/coupon',
    text: opts.text,
    api_app_id: 'A1',
    response_url: opts.responseUrl,
    trigger_id: opts.triggerId ?? `trigger-${opts.responseUrl.split('/').pop()}`,
  };
}

/** A slash command's HTTP body (`application/x-www-form-urlencoded`). */
export function slashCommandBody(opts: SlashCommandOptions): string {
  return new URLSearchParams(slashCommand(opts)).toString();
}

/** An interactive payload's HTTP body: `payload=<JSON>`, form-encoded. */
export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ButtonOptions {
  readonly actionId: string;
  readonly value: string;
  readonly user?: string;
  readonly triggerId?: string;
}

/** A button on a message: the card's, in a channel. */
export interface CardButtonOptions extends ButtonOptions {
  readonly responseUrl: string;
  readonly channel?: string;
  /** The card was a private (ephemeral) message; default true. */
  readonly ephemeral?: boolean;
}

/** A `block_actions` payload for a button on a card. */
export function buttonPayload(opts: CardButtonOptions): Record<string, unknown> {
  const channel = opts.channel ?? ALLOWED;
  return {
    ...blockActions(opts, `trigger-${opts.responseUrl.split('/').pop()}`),
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: opts.ephemeral ?? true },
    channel: { id: channel, name: 'cs-triage' },
    response_url: opts.responseUrl,
  };
}

/** A `block_actions` payload for a button in the App Home tab: a view, so no channel and no response_url. */
export function homeButtonPayload(opts: ButtonOptions): Record<string, unknown> {
  return {
    ...blockActions(opts, 'trigger-home'),
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', team_id: 'T1', callback_id: '', blocks: [] },
  };
}

function blockActions(opts: ButtonOptions, triggerId: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team,
    user: person(opts.user ?? 'U0ALICE'),
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: opts.triggerId ?? triggerId,
    actions: [
      {
        type: 'button',
        action_id: opts.actionId,
        block_id: 'card_actions',
        value: opts.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}

/** The message the shortcut was run on. */
export interface ShortcutMessage {
  readonly text: string;
  readonly ts: string;
  /** Set when the message is inside a thread (a reply, or the parent of one). */
  readonly thread_ts?: string;
  readonly blocks?: readonly unknown[];
  readonly attachments?: readonly unknown[];
  /** Who wrote the message (the complaint's author, not the person running the shortcut). */
  readonly user?: string;
}

export interface ShortcutOptions {
  readonly message: ShortcutMessage;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  readonly triggerId?: string;
  readonly callbackId?: string;
}

/** A `message_action` payload for the shortcut on `message`. */
export function shortcutPayload(opts: ShortcutOptions): Record<string, unknown> {
  const user = opts.user ?? 'U0ALICE';
  const channel = opts.channel ?? ALLOWED;
  const { message } = opts;
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000002.000300',
    team,
    user: person(user),
    channel: { id: channel, name: 'cs-triage' },
    is_enterprise_install: false,
    callback_id: opts.callbackId ?? 'coupon_lookup',
    trigger_id: opts.triggerId ?? `trigger-${message.ts}`,
    response_url: opts.responseUrl,
    message_ts: message.ts,
    message: {
      type: 'message',
      user: message.user ?? 'U0CUSTOMERCS',
      ts: message.ts,
      text: message.text,
      ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
      ...(message.attachments !== undefined ? { attachments: message.attachments } : {}),
    },
  };
}

/** The goods field as submitted: a chosen select option, a typed text, or left empty. */
export type GoodsState =
  | { readonly kind: 'select'; readonly value: string; readonly label?: string }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'none' };

export interface SubmissionOptions {
  readonly privateMetadata: string;
  readonly goods: GoodsState;
  /** The barcodes field verbatim (one per line as typed); omitted → the field is empty. */
  readonly barcodes?: string;
  readonly user?: string;
  readonly callbackId?: string;
}

/** A `view_submission` payload for the shortcut's modal with the given field values. */
export function submissionPayload(opts: SubmissionOptions): Record<string, unknown> {
  const user = opts.user ?? 'U0ALICE';
  return {
    type: 'view_submission',
    token: 'legacy-verification-token',
    team,
    user: person(user),
    api_app_id: 'A1',
    trigger_id: `trigger-submit-${user}`,
    is_enterprise_install: false,
    response_urls: [],
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: opts.callbackId ?? 'coupon_lookup_modal',
      private_metadata: opts.privateMetadata,
      hash: '1700000003.abcdef',
      title: { type: 'plain_text', text: '쿠폰 조회' },
      blocks: [],
      state: {
        values: {
          goods: { goods_input: goodsValue(opts.goods) },
          barcodes: { barcodes_input: { type: 'plain_text_input', value: opts.barcodes ?? null } },
        },
      },
      app_id: 'A1',
      bot_id: 'BBOT',
    },
  };
}

function goodsValue(goods: GoodsState): Record<string, unknown> {
  switch (goods.kind) {
    case 'select':
      return {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: goods.label ?? goods.value, emoji: true }, value: goods.value },
      };
    case 'text':
      return { type: 'plain_text_input', value: goods.value };
    case 'none':
      return { type: 'static_select', selected_option: null };
  }
}

/** A `rich_text` block holding `text` in one section, as Slack's composer produces. */
export function richTextBlock(text: string): Record<string, unknown> {
  return {
    type: 'rich_text',
    block_id: 'rt1',
    elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
  };
}

export interface MentionOptions {
  readonly text: string;
  readonly ts: string;
  /** Set when the mention is a reply inside a thread. */
  readonly thread_ts?: string;
  readonly eventId?: string;
  readonly user?: string;
  readonly channel?: string;
  /** A mention written by a bot carries `bot_id` (and often no `user`). */
  readonly botId?: string;
  readonly subtype?: string;
  readonly blocks?: readonly unknown[];
}

/** An Events API `event_callback` body for an `app_mention`, as Slack posts it (JSON). */
export function mentionEvent(opts: MentionOptions): Record<string, unknown> {
  const channel = opts.channel ?? ALLOWED;
  const event: Record<string, unknown> = {
    type: 'app_mention',
    text: opts.text,
    ts: opts.ts,
    channel,
    event_ts: opts.ts,
    ...(opts.user !== undefined || opts.botId === undefined ? { user: opts.user ?? 'U0ALICE' } : {}),
    ...(opts.botId !== undefined ? { bot_id: opts.botId } : {}),
    ...(opts.subtype !== undefined ? { subtype: opts.subtype } : {}),
    ...(opts.thread_ts !== undefined ? { thread_ts: opts.thread_ts } : {}),
    ...(opts.blocks !== undefined ? { blocks: opts.blocks } : {}),
  };
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    // Shaped like Slack's (`Ev0…`, letters and digits): one per message ts.
    event_id: opts.eventId ?? `Ev0${Number(opts.ts.replace('.', '')).toString(36).toUpperCase()}`,
    event_time: Math.floor(Number(opts.ts)),
    authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImFwcF9tZW50aW9uIn0`,
  };
}

/** The kinds of Socket Mode envelope the bot handles. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** A Socket Mode envelope around `payload`; Events API ones carry Slack's retry fields. */
export function socketEnvelope(
  id: string,
  type: EnvelopeType,
  payload: Record<string, unknown>,
  retryAttempt = 0,
): Record<string, unknown> {
  const retry = type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' } : {};
  return { envelope_id: id, type, accepts_response_payload: type === 'slash_commands', ...retry, payload };
}
