/**
 * What Slack sends to an app's Request URL, built the way Slack builds it, and POSTed signed to
 * the bot's `/slack/events`: slash commands (form-encoded), interactive payloads (`payload=`
 * JSON: `block_actions`, `message_action`, `view_submission`, `view_closed`) and Events API
 * `event_callback`s (JSON). Only the shapes; the stand-in decides the values.
 */
import { request } from 'undici';
import { signedHeaders } from './signer.js';

export const TEAM = { id: 'T0WORKBENCH', domain: 'workbench' } as const;
export const API_APP_ID = 'A0WORKBENCH';
/** Slack still sends the deprecated verification token; the bot must not rely on it. */
const LEGACY_TOKEN = 'workbench-verification-token';

export interface UserRef {
  readonly id: string;
  readonly name: string;
}

export interface ChannelRef {
  readonly id: string;
  readonly name: string;
}

export interface BotAnswer {
  readonly status: number;
  readonly body: string;
  /** The body as JSON when it is JSON (a view submission's `response_action`), else undefined. */
  readonly json: Record<string, unknown> | undefined;
  /** How long the bot took to answer (Slack waits 3 s). */
  readonly elapsedMs: number;
}

/** Signs and sends requests to one bot. */
export class BotLink {
  constructor(
    readonly eventsUrl: string,
    private readonly secret: string,
  ) {}

  async form(fields: Record<string, string>): Promise<BotAnswer> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  }

  /** An interactive payload, as Slack sends it: `payload=<json>`, form-encoded. */
  interactive(payload: Record<string, unknown>): Promise<BotAnswer> {
    return this.form({ payload: JSON.stringify(payload) });
  }

  event(envelope: Record<string, unknown>): Promise<BotAnswer> {
    return this.post(JSON.stringify(envelope), 'application/json');
  }

  private async post(body: string, contentType: string): Promise<BotAnswer> {
    const started = performance.now();
    const res = await request(this.eventsUrl, {
      method: 'POST',
      body,
      headers: signedHeaders(this.secret, body, contentType),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await res.body.text();
    let json: Record<string, unknown> | undefined;
    if (text.trim().startsWith('{')) {
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
    }
    return { status: res.statusCode, body: text, json, elapsedMs: Math.round(performance.now() - started) };
  }
}

function userObject(user: UserRef): Record<string, unknown> {
  return { id: user.id, username: user.name, name: user.name, team_id: TEAM.id };
}

/** A slash command's form fields. */
export function slashCommandFields(opts: {
  command: string;
  text: string;
  user: UserRef;
  channel: ChannelRef;
  responseUrl: string;
  triggerId: string;
}): Record<string, string> {
  return {
    token: LEGACY_TOKEN,
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: opts.channel.id,
    channel_name: opts.channel.name,
    user_id: opts.user.id,
    user_name: opts.user.name,
    command: opts.command,
    text: opts.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: opts.responseUrl,
    trigger_id: opts.triggerId,
  };
}

/** A message as it appears inside interactive payloads. */
export interface PayloadMessage {
  readonly type: 'message';
  readonly ts: string;
  readonly text: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly thread_ts?: string;
  readonly reply_count?: number;
  readonly blocks?: readonly unknown[];
  readonly attachments?: readonly unknown[];
}

/** The `message_action` payload of a message shortcut. */
export function messageActionPayload(opts: {
  callbackId: string;
  user: UserRef;
  channel: ChannelRef;
  message: PayloadMessage;
  responseUrl: string;
  triggerId: string;
  actionTs: string;
}): Record<string, unknown> {
  return {
    type: 'message_action',
    token: LEGACY_TOKEN,
    action_ts: opts.actionTs,
    team: TEAM,
    user: userObject(opts.user),
    channel: { id: opts.channel.id, name: opts.channel.name },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: opts.callbackId,
    trigger_id: opts.triggerId,
    response_url: opts.responseUrl,
    message_ts: opts.message.ts,
    message: opts.message,
  };
}

export interface ClickedAction {
  readonly type: string;
  readonly action_id: string;
  readonly block_id: string;
  readonly value?: string;
  readonly text?: unknown;
  readonly selected_option?: unknown;
}

/** A `block_actions` payload for an element clicked on a message (ephemeral or not) or in a view. */
export function blockActionsPayload(opts: {
  user: UserRef;
  action: ClickedAction;
  actionTs: string;
  triggerId: string;
  container:
    | {
        readonly type: 'message';
        readonly channel: ChannelRef;
        readonly message: PayloadMessage;
        readonly ephemeral: boolean;
        readonly responseUrl: string;
      }
    | { readonly type: 'view'; readonly view: Record<string, unknown> };
}): Record<string, unknown> {
  const base = {
    type: 'block_actions',
    token: LEGACY_TOKEN,
    team: TEAM,
    user: userObject(opts.user),
    api_app_id: API_APP_ID,
    trigger_id: opts.triggerId,
    is_enterprise_install: false,
    enterprise: null,
    actions: [{ ...opts.action, action_ts: opts.actionTs }],
  };
  const c = opts.container;
  if (c.type === 'view') {
    return { ...base, container: { type: 'view', view_id: c.view.id }, view: c.view, state: c.view.state };
  }
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: c.message.ts,
      channel_id: c.channel.id,
      is_ephemeral: c.ephemeral,
      ...(c.message.thread_ts ? { thread_ts: c.message.thread_ts } : {}),
    },
    channel: { id: c.channel.id, name: c.channel.name },
    response_url: c.responseUrl,
    // Slack leaves the message out for ephemeral ones (the app is expected to know what it sent).
    ...(c.ephemeral ? {} : { message: c.message }),
    state: { values: {} },
  };
}

/** `view_submission` / `view_closed` for a modal whose state the page collected. */
export function viewPayload(
  type: 'view_submission' | 'view_closed',
  opts: { user: UserRef; view: Record<string, unknown>; triggerId: string },
): Record<string, unknown> {
  return {
    type,
    token: LEGACY_TOKEN,
    team: TEAM,
    user: userObject(opts.user),
    api_app_id: API_APP_ID,
    is_enterprise_install: false,
    enterprise: null,
    ...(type === 'view_submission' ? { trigger_id: opts.triggerId, response_urls: [] } : { is_cleared: false }),
    view: opts.view,
  };
}

/** An Events API envelope (`event_callback`) for an `app_mention`. */
export function appMentionEnvelope(opts: {
  eventId: string;
  botUserId: string;
  user: string;
  channel: string;
  text: string;
  ts: string;
  threadTs?: string;
  eventTime: number;
}): Record<string, unknown> {
  return {
    token: LEGACY_TOKEN,
    team_id: TEAM.id,
    api_app_id: API_APP_ID,
    type: 'event_callback',
    event_id: opts.eventId,
    event_time: opts.eventTime,
    authorizations: [{ team_id: TEAM.id, user_id: opts.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event: {
      type: 'app_mention',
      user: opts.user,
      text: opts.text,
      ts: opts.ts,
      event_ts: opts.ts,
      channel: opts.channel,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    },
  };
}
