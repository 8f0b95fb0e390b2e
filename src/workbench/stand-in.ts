/**
 * The Slack side the bot talks to: the Web API methods it calls (`/api/<method>`, form or JSON
 * bodies, bearer token checked) and the response_urls it answers at (`/response/<id>`). Each
 * call changes the World the way Slack would; the page shows the World.
 */
import type { IncomingMessage } from 'node:http';
import {
  BOT_ID,
  BOT_NAME,
  BOT_USER_ID,
  RESPONSE_URL_TTL_MS,
  RESPONSE_URL_USES,
  TRIGGER_TTL_MS,
  withBlockIds,
  type World,
  type WbModal,
} from './world.js';
import { readBody } from '../http/body.js';
import { TEAM } from './deliver.js';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** One line per Slack-side event, for the terminal. */
export type Trace = (line: string) => void;

type Params = Record<string, unknown>;

export class SlackStandIn {
  constructor(
    private readonly world: World,
    private readonly token: string,
    private readonly trace: Trace = () => {},
  ) {}

  /** `POST /api/<method>`. */
  api(method: string, params: Params, authorization: string | undefined): Reply {
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? (typeof params.token === 'string' ? params.token : undefined);
    if (token !== this.token) return ok({ ok: false, error: token ? 'invalid_auth' : 'not_authed' });
    const { token: _t, ...raw } = params;
    const reply = this.call(method, raw);
    const body = reply.body as { ok?: boolean; error?: string };
    this.trace(`slack ← ${method}${body.ok === false ? ` → error ${body.error}` : ''}${describe(raw)}`);
    return reply;
  }

  private call(method: string, p: Params): Reply {
    const w = this.world;
    switch (method) {
      case 'auth.test':
        return ok({
          ok: true,
          url: 'http://127.0.0.1/',
          team: 'workbench',
          user: BOT_NAME,
          team_id: TEAM.id,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        });
      case 'users.info': {
        const user = w.users.get(str(p.user));
        if (!user) return ok({ ok: false, error: 'user_not_found' });
        return ok({
          ok: true,
          user: {
            id: user.id,
            team_id: TEAM.id,
            name: user.name,
            real_name: user.realName,
            is_bot: user.isBot ?? false,
            tz: 'Asia/Seoul',
            profile: { real_name: user.realName, display_name: user.name },
            ...(p.include_locale === 'true' || p.include_locale === true ? { locale: user.locale } : {}),
          },
        });
      }
      case 'conversations.info': {
        const channel = w.channel(str(p.channel));
        if (!channel) return ok({ ok: false, error: 'channel_not_found' });
        return ok({
          ok: true,
          channel: {
            id: channel.id,
            name: channel.name,
            is_channel: channel.kind === 'channel',
            is_im: channel.kind === 'dm',
            is_member: true,
          },
        });
      }
      case 'chat.postMessage': {
        const channel = w.resolveChannel(str(p.channel));
        if (!channel) return ok({ ok: false, error: 'channel_not_found' });
        const content = contentOf(p);
        if (content.error) return ok({ ok: false, error: content.error });
        const threadTs = str(p.thread_ts) || undefined;
        const m = w.post({
          channel: channel.id,
          threadTs,
          user: BOT_USER_ID,
          botId: BOT_ID,
          username: undefined,
          text: content.text,
          blocks: content.blocks,
          attachments: content.attachments,
          ephemeralFor: undefined,
          via: 'chat.postMessage',
          raw: p,
          broadcast: threadTs !== undefined && (p.reply_broadcast === true || p.reply_broadcast === 'true'),
        });
        return ok({
          ok: true,
          channel: channel.id,
          ts: m.ts,
          message: {
            type: 'message',
            text: m.text,
            user: BOT_USER_ID,
            bot_id: BOT_ID,
            ts: m.ts,
            ...(m.blocks ? { blocks: m.blocks } : {}),
            ...(threadTs ? { thread_ts: threadTs } : {}),
          },
        });
      }
      case 'chat.postEphemeral': {
        const channel = w.resolveChannel(str(p.channel));
        if (!channel) return ok({ ok: false, error: 'channel_not_found' });
        if (!w.users.has(str(p.user))) return ok({ ok: false, error: 'user_not_in_channel' });
        const content = contentOf(p);
        if (content.error) return ok({ ok: false, error: content.error });
        const m = w.post({
          channel: channel.id,
          threadTs: str(p.thread_ts) || undefined,
          user: BOT_USER_ID,
          botId: BOT_ID,
          username: undefined,
          text: content.text,
          blocks: content.blocks,
          attachments: content.attachments,
          ephemeralFor: str(p.user),
          via: 'chat.postEphemeral',
          raw: p,
        });
        return ok({ ok: true, message_ts: m.ts });
      }
      case 'chat.update': {
        const m = w.findByTs(str(p.channel), str(p.ts));
        if (!m) return ok({ ok: false, error: 'message_not_found' });
        if (m.user !== BOT_USER_ID) return ok({ ok: false, error: 'cant_update_message' });
        const content = contentOf(p);
        if (content.error) return ok({ ok: false, error: content.error });
        w.replace(
          m,
          { text: content.text, blocks: content.blocks, ...(p.attachments !== undefined ? { attachments: content.attachments } : {}) },
          p,
          'chat.update',
        );
        return ok({ ok: true, channel: m.channel, ts: m.ts, text: m.text });
      }
      case 'chat.delete': {
        const m = w.findByTs(str(p.channel), str(p.ts));
        if (!m) return ok({ ok: false, error: 'message_not_found' });
        w.remove(m);
        return ok({ ok: true, channel: m.channel, ts: m.ts });
      }
      case 'views.open':
      case 'views.push': {
        const trigger = w.triggers.get(str(p.trigger_id));
        if (!trigger) return ok({ ok: false, error: 'invalid_trigger_id' });
        if (Date.now() - trigger.createdMs > TRIGGER_TTL_MS) return ok({ ok: false, error: 'expired_trigger_id' });
        w.triggers.delete(str(p.trigger_id));
        const view = asRec(p.view);
        if (view?.type !== 'modal') return ok({ ok: false, error: 'invalid_arguments' });
        if (method === 'views.open') w.modals.length = 0;
        else if (w.modals.length === 0) return ok({ ok: false, error: 'not_allowed' });
        const modal: WbModal = { viewId: w.id('V'), user: trigger.user, view: {}, errors: {}, revision: 0 };
        modal.view = slackView(modal.viewId, view);
        w.modals.push(modal);
        w.changed();
        return ok({ ok: true, view: modal.view });
      }
      case 'views.update': {
        const modal = w.modals.find(
          (m) => m.viewId === str(p.view_id) || (p.external_id !== undefined && m.view.external_id === p.external_id),
        );
        if (!modal) return ok({ ok: false, error: 'not_found' });
        if (p.hash !== undefined && p.hash !== modal.view.hash) return ok({ ok: false, error: 'hash_conflict' });
        const view = asRec(p.view);
        if (!view) return ok({ ok: false, error: 'invalid_arguments' });
        updateModal(modal, view);
        w.changed();
        return ok({ ok: true, view: modal.view });
      }
      default:
        return ok({ ok: false, error: 'unknown_method' });
    }
  }

  /** `POST /response/<id>`: a reply at a response_url, applied as Slack applies it. */
  respond(id: string, body: Params): Reply {
    const w = this.world;
    const target = w.responseTargets.get(id);
    if (!target || Date.now() - target.createdMs > RESPONSE_URL_TTL_MS)
      return { status: 404, body: 'expired_url', headers: { 'content-type': 'text/plain' } };
    if (target.uses >= RESPONSE_URL_USES) return { status: 404, body: 'used_url', headers: { 'content-type': 'text/plain' } };
    target.uses += 1;
    const original = target.originalId ? w.find(target.originalId) : undefined;
    const content = contentOf(body);
    const what = describe(body);
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original) w.remove(original);
      this.trace(`slack ← response_url delete_original${what}`);
      return textOk();
    }
    if (content.error) return { status: 400, body: content.error, headers: { 'content-type': 'text/plain' } };
    if ((body.replace_original === true || body.replace_original === 'true') && original) {
      w.replace(original, content, body, 'response_url (replace_original)');
      this.trace(`slack ← response_url replace_original${what}`);
      return textOk();
    }
    const inChannel = body.response_type === 'in_channel';
    const threadTs = str(body.thread_ts) || (inChannel ? undefined : target.threadTs);
    w.post({
      channel: target.channel,
      threadTs,
      user: BOT_USER_ID,
      botId: BOT_ID,
      username: undefined,
      text: content.text,
      blocks: content.blocks,
      attachments: content.attachments,
      ephemeralFor: inChannel ? undefined : target.user,
      via: inChannel ? 'response_url (in_channel)' : 'response_url (ephemeral)',
      raw: body,
    });
    this.trace(`slack ← response_url ${inChannel ? 'in_channel' : 'ephemeral'}${what}`);
    return textOk();
  }
}

/** A view as Slack returns it: the app's fields plus id, hash, state and the app's IDs. */
export function slackView(viewId: string, view: Record<string, unknown>): Record<string, unknown> {
  return {
    ...view,
    id: viewId,
    team_id: TEAM.id,
    blocks: withBlockIds(Array.isArray(view.blocks) ? view.blocks : []),
    private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${Math.random().toString(36).slice(2, 10)}`,
    app_id: 'A0WORKBENCH',
    bot_id: BOT_ID,
  };
}

export function updateModal(modal: WbModal, view: Record<string, unknown>): void {
  modal.view = slackView(modal.viewId, view);
  modal.errors = {};
  modal.revision += 1;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function textOk(): Reply {
  return { status: 200, body: 'ok', headers: { 'content-type': 'text/plain' } };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function asRec(v: unknown): Record<string, unknown> | undefined {
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function list(v: unknown): unknown[] | undefined | 'invalid' {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return 'invalid';
    }
  }
  return Array.isArray(v) ? v : 'invalid';
}

/** text / blocks / attachments of a message body, checked the way Slack refuses bad ones. */
function contentOf(p: Params): { text: string; blocks: unknown[] | undefined; attachments: unknown[] | undefined; error?: string } {
  const blocks = list(p.blocks);
  const attachments = list(p.attachments);
  if (blocks === 'invalid') return { text: '', blocks: undefined, attachments: undefined, error: 'invalid_blocks' };
  if (attachments === 'invalid') return { text: '', blocks: undefined, attachments: undefined, error: 'invalid_attachments' };
  const text = str(p.text);
  if (text === '' && !blocks?.length && !attachments?.length) return { text, blocks, attachments, error: 'no_text' };
  return { text, blocks, attachments };
}

function describe(p: Params): string {
  const parts: string[] = [];
  for (const k of ['channel', 'thread_ts', 'response_type', 'user']) if (typeof p[k] === 'string') parts.push(`${k}=${p[k] as string}`);
  const blocks = list(p.blocks);
  if (Array.isArray(blocks)) parts.push(`${blocks.length} blocks`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Request body → params: JSON, or form fields with JSON-looking values parsed (the WebClient form-encodes blocks). */
export async function readParams(req: IncomingMessage, maxBytes = 2_000_000): Promise<Params> {
  const raw = await readText(req, maxBytes);
  if (raw === '') return {};
  if (req.headers['content-type']?.includes('application/json')) {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Params) : {};
  }
  const out: Params = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v) as unknown;
        continue;
      } catch {
        // not JSON after all; keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

/** The body as text; rejects when it is too large or cut off. */
async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const read = await readBody(req, { limit: maxBytes });
  if (!read.ok) throw new Error(`request body ${read.reason.replace('_', ' ')}`);
  return read.body.toString('utf8');
}
