/**
 * What the local stand-in for Slack knows: the workspace (users, channels), every message
 * (channel posts, thread replies, ephemerals), the response_urls it handed out and what each
 * one may replace, trigger IDs, and open modals. In memory, one person at the keyboard.
 * Every change bumps `version` and emits `change`, which the page follows over SSE.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';

export type SlackLocale = 'ko-KR' | 'en-US';

export interface WbUser {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly locale: SlackLocale;
  readonly isBot?: boolean;
}

export interface WbChannel {
  readonly id: string;
  readonly name: string;
  readonly kind: 'channel' | 'dm';
  /** In the bot's ALLOWED_CHANNEL_IDS. */
  readonly allowed: boolean;
}

export interface WbMessage {
  /** Internal, stable across edits. */
  readonly id: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
  readonly user: string | undefined;
  readonly botId: string | undefined;
  /** Display name override (bots posting as someone, e.g. a ticket bot). */
  readonly username: string | undefined;
  text: string;
  blocks: unknown[] | undefined;
  attachments: unknown[] | undefined;
  /** Only this user sees it. */
  readonly ephemeralFor: string | undefined;
  /** How it arrived: `chat.postMessage`, `response_url`, `composer`, `sample`, … */
  via: string;
  /** What the sender sent, verbatim (token removed): the "view JSON" toggle. */
  raw: Record<string, unknown>;
  edited: boolean;
  /** Thread parents: shown in the channel as well as a reply (`reply_broadcast`). */
  readonly broadcast: boolean;
}

export interface ResponseTarget {
  readonly channel: string;
  readonly user: string;
  /** The message `replace_original` / `delete_original` act on (a clicked message). */
  readonly originalId: string | undefined;
  /** Thread of the message the interaction came from (ephemerals land there in Slack). */
  readonly threadTs: string | undefined;
  uses: number;
  readonly createdMs: number;
}

export interface WbModal {
  readonly viewId: string;
  readonly user: string;
  /** The view as views.open/update gave it, with Slack's fields added (id, hash, state). */
  view: Record<string, unknown>;
  /** From `response_action: errors`, by block_id. */
  errors: Record<string, string>;
  /** Bumped when the view itself changes (not for errors), so the page re-draws only then. */
  revision: number;
}

export const BOT_USER_ID = 'U0WBBOT';
export const BOT_ID = 'B0WBBOT';
export const BOT_NAME = 'coupon-bot';

export const PERSON = {
  ko: { id: 'U0WBOPS', name: 'jieun.kim', realName: '김지은 (운영팀)', locale: 'ko-KR' },
  en: { id: 'U0WBOPSEN', name: 'jieun.kim.en', realName: 'Jieun Kim (English profile)', locale: 'en-US' },
} as const satisfies Record<string, WbUser>;

export const CHANNELS = {
  triage: { id: 'C0WBTRIAGE', name: 'cs-triage', kind: 'channel', allowed: true },
  general: { id: 'C0WBGENERAL', name: 'general', kind: 'channel', allowed: false },
  dm: { id: 'D0WBBOTDM', name: BOT_NAME, kind: 'dm', allowed: true },
} as const satisfies Record<string, WbChannel>;

/** Slack keeps a response_url usable five times within 30 minutes. */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
/** trigger_id lifetime. */
export const TRIGGER_TTL_MS = 3000;

export class World extends EventEmitter {
  readonly users = new Map<string, WbUser>();
  readonly channels: readonly WbChannel[] = [CHANNELS.triage, CHANNELS.general, CHANNELS.dm];
  readonly messages: WbMessage[] = [];
  readonly responseTargets = new Map<string, ResponseTarget>();
  readonly triggers = new Map<string, { user: string; createdMs: number }>();
  /** The open modal stack (views.push adds); one person, so one stack. */
  readonly modals: WbModal[] = [];
  /** Which of the person's profiles is at the keyboard. */
  locale: 'ko' | 'en' = 'ko';
  version = 0;
  private lastTsMicros = 0;
  private seq = 0;

  constructor() {
    super();
    for (const u of [PERSON.ko, PERSON.en]) this.users.set(u.id, u);
    this.users.set(BOT_USER_ID, { id: BOT_USER_ID, name: BOT_NAME, realName: BOT_NAME, locale: 'ko-KR', isBot: true });
  }

  addUser(user: WbUser): void {
    this.users.set(user.id, user);
  }

  /** The person at the keyboard, in the profile the language switch selects. */
  get me(): WbUser {
    return this.locale === 'en' ? PERSON.en : PERSON.ko;
  }

  /** Both profiles are the same person: ephemerals to either are shown. */
  isMe(userId: string | undefined): boolean {
    return userId === PERSON.ko.id || userId === PERSON.en.id;
  }

  channel(id: string): WbChannel | undefined {
    return this.channels.find((c) => c.id === id);
  }

  /** A DM channel for a user ID (`chat.postMessage` with `channel: U…`). */
  resolveChannel(idOrUser: string): WbChannel | undefined {
    if (this.isMe(idOrUser)) return CHANNELS.dm;
    return this.channel(idOrUser);
  }

  id(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(36)}${randomBytes(3).toString('hex')}`;
  }

  /** A fresh, strictly increasing Slack timestamp (`seconds.micros`). */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTsMicros + 100);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  changed(): void {
    this.version += 1;
    this.emit('change', this.version);
  }

  post(
    m: Omit<WbMessage, 'id' | 'ts' | 'edited' | 'broadcast' | 'blocks'> & {
      ts?: string;
      broadcast?: boolean;
      blocks: unknown[] | undefined;
    },
  ): WbMessage {
    const message: WbMessage = {
      ...m,
      id: this.id('m'),
      ts: m.ts ?? this.nextTs(),
      blocks: m.blocks === undefined ? undefined : withBlockIds(m.blocks),
      edited: false,
      broadcast: m.broadcast ?? false,
    };
    this.messages.push(message);
    this.changed();
    return message;
  }

  find(id: string): WbMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  findByTs(channel: string, ts: string): WbMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && m.ephemeralFor === undefined);
  }

  replace(
    message: WbMessage,
    content: { text: string; blocks: unknown[] | undefined; attachments?: unknown[] | undefined },
    raw: Record<string, unknown>,
    via: string,
  ): void {
    message.text = content.text;
    message.blocks = content.blocks === undefined ? undefined : withBlockIds(content.blocks);
    if ('attachments' in content) message.attachments = content.attachments;
    message.raw = raw;
    message.via = via;
    message.edited = true;
    this.changed();
  }

  remove(message: WbMessage): void {
    const i = this.messages.indexOf(message);
    if (i >= 0) this.messages.splice(i, 1);
    this.changed();
  }

  /** Replies in a thread (not the parent), oldest first; ephemerals only for the person. */
  replies(channel: string, threadTs: string): WbMessage[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel &&
        m.threadTs === threadTs &&
        m.ts !== threadTs &&
        (m.ephemeralFor === undefined || this.isMe(m.ephemeralFor)),
    );
  }

  replyCount(parent: WbMessage): number {
    return this.messages.filter(
      (m) => m.channel === parent.channel && m.threadTs === parent.ts && m.ts !== parent.ts && m.ephemeralFor === undefined,
    ).length;
  }

  /** What the channel shows: top-level messages, thread parents, broadcasts; ephemerals for the person. */
  channelMessages(channel: string): WbMessage[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel &&
        (m.threadTs === undefined || m.threadTs === m.ts || m.broadcast) &&
        (m.ephemeralFor === undefined || this.isMe(m.ephemeralFor)),
    );
  }

  newResponseUrl(target: Omit<ResponseTarget, 'uses' | 'createdMs'>): string {
    const id = this.id('r');
    this.responseTargets.set(id, { ...target, uses: 0, createdMs: Date.now() });
    return id;
  }

  newTrigger(user: string): string {
    const id = `${Date.now()}.${this.id('t')}`;
    this.triggers.set(id, { user, createdMs: Date.now() });
    return id;
  }

  topModal(): WbModal | undefined {
    return this.modals.at(-1);
  }

  modal(viewId: string): WbModal | undefined {
    return this.modals.find((m) => m.viewId === viewId);
  }
}

/** Slack gives every block a block_id (and every interactive element an action_id) when the app did not. */
export function withBlockIds(blocks: readonly unknown[]): unknown[] {
  return blocks.map((b, i) => {
    if (typeof b !== 'object' || b === null) return b;
    const block = { ...(b as Record<string, unknown>) };
    if (typeof block.block_id !== 'string' || block.block_id === '') block.block_id = `wb${i}${randomBytes(2).toString('hex')}`;
    const fix = (el: unknown): unknown => {
      if (typeof el !== 'object' || el === null) return el;
      const e = el as Record<string, unknown>;
      if (['button', 'static_select', 'plain_text_input', 'overflow'].includes(String(e.type)) && typeof e.action_id !== 'string')
        return { ...e, action_id: randomBytes(3).toString('hex') };
      return e;
    };
    if (Array.isArray(block.elements) && block.type === 'actions') block.elements = block.elements.map(fix);
    if (block.accessory !== undefined) block.accessory = fix(block.accessory);
    if (block.element !== undefined) block.element = fix(block.element);
    return block;
  });
}
