/**
 * What the person does in the page, turned into what Slack would send the bot: a slash command,
 * a posted message (and an `app_mention` event when it names the bot), the message shortcut, a
 * button click or select on a message or in a modal, a modal submit or close. The bot's HTTP
 * answer is applied the way Slack applies it (a command's ack text, a view submission's
 * `response_action`, a failed request's error line).
 */
import {
  appMentionEnvelope,
  blockActionsPayload,
  messageActionPayload,
  slashCommandFields,
  viewPayload,
  type BotAnswer,
  type BotLink,
  type ChannelRef,
  type PayloadMessage,
  type UserRef,
} from './deliver.js';
import { updateModal, type Trace } from './stand-in.js';
import { BOT_ID, BOT_NAME, BOT_USER_ID, type WbMessage, type World } from './world.js';

export const SHORTCUT = { callbackId: 'coupon_lookup', name: '쿠폰 조회' } as const;
export const COMMANDS = ['/coupon'] as const;
export const SLACKBOT = { user: 'USLACKBOT', name: 'Slackbot' } as const;
/** Slack's wait for an app's acknowledgement. */
export const ACK_DEADLINE_MS = 3000;

export interface ActionInput {
  /** A message's element, or a modal's. */
  readonly messageId?: string;
  readonly viewId?: string;
  readonly actionId: string;
  readonly blockId: string;
  readonly kind: string;
  readonly value?: string;
  /** Modal: the form's current values, for `view.state`. */
  readonly values?: FormValues;
}

/** blockId → actionId → what the control holds (text, or a select's option value). */
export type FormValues = Record<string, Record<string, string>>;

export class Interactions {
  constructor(
    private readonly world: World,
    private readonly bot: () => BotLink,
    private readonly responseUrlBase: string,
    private readonly trace: Trace = () => {},
  ) {}

  private get me(): UserRef {
    const u = this.world.me;
    return { id: u.id, name: u.name };
  }

  private channelRef(id: string): ChannelRef {
    const c = this.world.channel(id);
    if (!c) throw new UserError(`unknown channel ${id}`);
    return { id: c.id, name: c.kind === 'dm' ? 'directmessage' : c.name };
  }

  private responseUrl(channel: string, original?: WbMessage): string {
    const id = this.world.newResponseUrl({ channel, user: this.me.id, originalId: original?.id, threadTs: original?.threadTs });
    return `${this.responseUrlBase}${id}`;
  }

  /** A line from Slackbot, only to the person (how Slack reports a failed command or action). */
  private slackbotSays(channel: string, text: string, threadTs?: string): void {
    this.world.post({
      channel,
      threadTs,
      user: SLACKBOT.user,
      botId: undefined,
      username: SLACKBOT.name,
      text,
      blocks: undefined,
      attachments: undefined,
      ephemeralFor: this.me.id,
      via: 'slack',
      raw: { text },
    });
  }

  private failed(what: string, answer: BotAnswer | Error, channel: string, threadTs?: string): boolean {
    if (!(answer instanceof Error) && answer.status === 200 && answer.elapsedMs > ACK_DEADLINE_MS) {
      // Slack stops waiting after 3 s and tells the person; the workbench waits, and says so.
      this.trace(`slack → bot ${what}: acknowledged after ${answer.elapsedMs} ms (Slack gives up after ${ACK_DEADLINE_MS} ms)`);
      this.slackbotSays(
        channel,
        `\`${what}\`: the app took ${answer.elapsedMs} ms to acknowledge. Slack would have shown "operation_timeout" after ${ACK_DEADLINE_MS / 1000} s.`,
        threadTs,
      );
    }
    const reason = answer instanceof Error ? answer.message : answer.status === 200 ? undefined : `HTTP ${answer.status}`;
    if (reason === undefined) return false;
    this.trace(`slack → bot ${what} failed: ${reason}`);
    this.slackbotSays(channel, `\`${what}\` failed: the app did not answer (${reason}).`, threadTs);
    return true;
  }

  /** The composer: `/command text` runs a command, anything else is posted as the person. */
  async send(channel: string, input: string, threadTs?: string): Promise<void> {
    const text = input.replace(/\r\n?/g, '\n');
    if (text.trim() === '') return;
    const slash = /^\s*(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(text);
    if (slash) {
      await this.command(channel, slash[1]!.toLowerCase(), (slash[2] ?? '').trim(), threadTs);
      return;
    }
    await this.postAsMe(channel, text, threadTs);
  }

  async command(channel: string, command: string, text: string, threadTs?: string): Promise<void> {
    const ch = this.channelRef(channel);
    if (!(COMMANDS as readonly string[]).includes(command)) {
      this.slackbotSays(
        channel,
        `\`${escapeSlack(command)}\` is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
        threadTs,
      );
      return;
    }
    const fields = slashCommandFields({
      command,
      text,
      user: this.me,
      channel: ch,
      responseUrl: this.responseUrl(channel),
      triggerId: this.world.newTrigger(this.me.id),
    });
    this.trace(`slack → bot ${command} ${text}`);
    const answer = await this.bot()
      .form(fields)
      .catch((e: Error) => e);
    if (this.failed(command, answer, channel, threadTs) || answer instanceof Error) return;
    // An ack with a body is shown to the person, like a response_url post.
    const ackText = answer.json ?? (answer.body.trim() !== '' ? { text: answer.body } : undefined);
    if (ackText) {
      const blocks = Array.isArray(ackText.blocks) ? ackText.blocks : undefined;
      const inChannel = ackText.response_type === 'in_channel';
      this.world.post({
        channel,
        threadTs: undefined,
        user: BOT_USER_ID,
        botId: BOT_ID,
        username: undefined,
        text: String(ackText.text ?? ''),
        blocks,
        attachments: undefined,
        ephemeralFor: inChannel ? undefined : this.me.id,
        via: 'ack',
        raw: ackText,
      });
    }
  }

  /** Post as the person. Naming the bot (`@coupon-bot` or `<@U…>`) also sends it an `app_mention`. */
  async postAsMe(channel: string, input: string, threadTs?: string): Promise<WbMessage> {
    this.channelRef(channel);
    const text = typedToSlack(input);
    const m = this.world.post({
      channel,
      threadTs,
      user: this.me.id,
      botId: undefined,
      username: undefined,
      text,
      blocks: undefined,
      attachments: undefined,
      ephemeralFor: undefined,
      via: 'composer',
      raw: { type: 'message', user: this.me.id, text, ...(threadTs ? { thread_ts: threadTs } : {}) },
    });
    if (text.includes(`<@${BOT_USER_ID}>`)) {
      const envelope = appMentionEnvelope({
        eventId: this.world.id('Ev'),
        botUserId: BOT_USER_ID,
        user: this.me.id,
        channel,
        text,
        ts: m.ts,
        ...(threadTs ? { threadTs } : {}),
        eventTime: Math.floor(Date.now() / 1000),
      });
      this.trace('slack → bot app_mention');
      const answer = await this.bot()
        .event(envelope)
        .catch((e: Error) => e);
      if (answer instanceof Error || answer.status !== 200)
        this.trace(`slack → bot app_mention failed: ${answer instanceof Error ? answer.message : `HTTP ${answer.status}`}`);
    }
    return m;
  }

  /** The message shortcut (쿠폰 조회) on a message. */
  async shortcut(messageId: string): Promise<void> {
    const m = this.world.find(messageId);
    if (!m || m.ephemeralFor !== undefined) throw new UserError('that message cannot take a shortcut');
    const payload = messageActionPayload({
      callbackId: SHORTCUT.callbackId,
      user: this.me,
      channel: this.channelRef(m.channel),
      message: payloadMessage(m, this.world),
      responseUrl: this.responseUrl(m.channel, undefined),
      triggerId: this.world.newTrigger(this.me.id),
      actionTs: this.world.nextTs(),
    });
    this.trace(`slack → bot shortcut ${SHORTCUT.callbackId}`);
    const answer = await this.bot()
      .interactive(payload)
      .catch((e: Error) => e);
    this.failed(SHORTCUT.name, answer, m.channel, m.threadTs);
  }

  /** A button or select on a message or in a modal. */
  async action(input: ActionInput): Promise<void> {
    const clicked = {
      type: input.kind,
      action_id: input.actionId,
      block_id: input.blockId,
      ...(input.kind === 'button' ? { value: input.value, text: { type: 'plain_text', text: '' } } : {}),
      ...(input.kind === 'static_select' || input.kind === 'overflow'
        ? { selected_option: { value: input.value ?? '', text: { type: 'plain_text', text: input.value ?? '' } } }
        : {}),
    };
    const triggerId = this.world.newTrigger(this.me.id);
    const actionTs = this.world.nextTs();
    if (input.viewId !== undefined) {
      const modal = this.world.modal(input.viewId);
      if (!modal) throw new UserError('that modal is closed');
      const view = { ...modal.view, state: { values: stateValues(modal.view, input.values ?? {}) } };
      const answer = await this.bot()
        .interactive(blockActionsPayload({ user: this.me, action: clicked, actionTs, triggerId, container: { type: 'view', view } }))
        .catch((e: Error) => e);
      if (answer instanceof Error || answer.status !== 200) this.trace(`slack → bot block_actions (view) failed`);
      return;
    }
    const m = input.messageId ? this.world.find(input.messageId) : undefined;
    if (!m) throw new UserError('that message is gone');
    const ephemeral = m.ephemeralFor !== undefined;
    const payload = blockActionsPayload({
      user: this.me,
      action: clicked,
      actionTs,
      triggerId,
      container: {
        type: 'message',
        channel: this.channelRef(m.channel),
        message: payloadMessage(m, this.world),
        ephemeral,
        responseUrl: this.responseUrl(m.channel, m),
      },
    });
    this.trace(`slack → bot block_actions ${input.actionId}`);
    const answer = await this.bot()
      .interactive(payload)
      .catch((e: Error) => e);
    this.failed(input.actionId, answer, m.channel, m.threadTs);
  }

  /** Submit the top modal with the form's values; apply the bot's `response_action`. */
  async submit(viewId: string, values: FormValues): Promise<void> {
    const w = this.world;
    const modal = w.modal(viewId);
    if (!modal) throw new UserError('that modal is closed');
    const view = { ...modal.view, state: { values: stateValues(modal.view, values) } };
    this.trace('slack → bot view_submission');
    const answer = await this.bot()
      .interactive(viewPayload('view_submission', { user: this.me, view, triggerId: w.newTrigger(this.me.id) }))
      .catch((e: Error) => e);
    if (answer instanceof Error || answer.status !== 200) {
      modal.errors = {
        '': `We had some trouble connecting (${answer instanceof Error ? answer.message : `HTTP ${answer.status}`}). Try again?`,
      };
      w.changed();
      return;
    }
    const r = answer.json ?? {};
    switch (r.response_action) {
      case 'errors':
        modal.errors = Object.fromEntries(Object.entries((r.errors as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
        // Keep what was typed: Slack leaves the form as the person left it.
        modal.view = view;
        w.changed();
        return;
      case 'update':
        updateModal(modal, (r.view as Record<string, unknown>) ?? {});
        w.changed();
        return;
      case 'push': {
        const pushed = { viewId: w.id('V'), user: modal.user, view: {}, errors: {}, revision: 0 };
        updateModal(pushed, (r.view as Record<string, unknown>) ?? {});
        w.modals.push(pushed);
        w.changed();
        return;
      }
      case 'clear':
        w.modals.length = 0;
        w.changed();
        return;
      default:
        w.modals.splice(w.modals.indexOf(modal));
        w.changed();
    }
  }

  /** Close the top modal; `view_closed` goes to the bot only when the view asked for it. */
  async close(viewId: string): Promise<void> {
    const w = this.world;
    const modal = w.modal(viewId);
    if (!modal) return;
    w.modals.splice(w.modals.indexOf(modal));
    w.changed();
    if (modal.view.notify_on_close === true) {
      await this.bot()
        .interactive(viewPayload('view_closed', { user: this.me, view: modal.view, triggerId: '' }))
        .catch(() => undefined);
    }
  }

  setLocale(locale: 'ko' | 'en'): void {
    this.world.locale = locale;
    this.world.changed();
  }

  /** Dismiss an ephemeral message (it is only in the person's view). */
  dismiss(messageId: string): void {
    const m = this.world.find(messageId);
    if (m && m.ephemeralFor !== undefined) this.world.remove(m);
  }
}

/** A problem in what the page asked for (a stale message, a closed modal), told back to the page. */
export class UserError extends Error {}

/**
 * What Slack's composer makes of typed text: `&`, `<`, `>` escaped, bare URLs linked,
 * `@coupon-bot` and a typed `<@U…>` turned into a mention.
 */
export function typedToSlack(input: string): string {
  return escapeSlack(input)
    .replace(/(^|\s)(https?:\/\/[^\s<>|]+)/g, '$1<$2>')
    .replace(new RegExp(`(^|\\s)@${BOT_NAME}(?![\\w-])`, 'g'), `$1<@${BOT_USER_ID}>`)
    .replace(/&lt;@(U[A-Z0-9]+)&gt;/g, '<@$1>');
}

/** Slack's own escaping of what a person types. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function payloadMessage(m: WbMessage, world: World): PayloadMessage {
  const replies = m.threadTs === undefined || m.threadTs === m.ts ? world.replyCount(m) : 0;
  return {
    type: 'message',
    ts: m.ts,
    text: m.text,
    ...(m.user !== undefined && m.botId === undefined ? { user: m.user } : {}),
    ...(m.botId !== undefined ? { bot_id: m.botId, ...(m.user ? { user: m.user } : {}) } : {}),
    ...(m.threadTs !== undefined ? { thread_ts: m.threadTs } : replies > 0 ? { thread_ts: m.ts } : {}),
    ...(replies > 0 ? { reply_count: replies } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
  };
}

/** A view's `state.values` from the page's form values, typed per element as Slack types them. */
export function stateValues(view: Record<string, unknown>, values: FormValues): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Record<string, unknown>[]) : [];
  for (const b of blocks) {
    if (b.type !== 'input' || typeof b.element !== 'object' || b.element === null) continue;
    const el = b.element as Record<string, unknown>;
    const blockId = String(b.block_id);
    const actionId = String(el.action_id);
    const given = values[blockId]?.[actionId];
    let state: Record<string, unknown>;
    if (el.type === 'static_select') {
      const options = [
        ...((el.options as unknown[]) ?? []),
        ...((el.option_groups as { options?: unknown[] }[]) ?? []).flatMap((g) => g.options ?? []),
      ] as { value?: string; text?: unknown }[];
      const chosen = given === undefined ? (el.initial_option as { value?: string } | undefined)?.value : given;
      const option = options.find((o) => o.value === chosen && chosen !== '');
      state = { type: 'static_select', selected_option: option ? { text: option.text, value: option.value } : null };
    } else if (el.type === 'plain_text_input') {
      const v = given ?? (typeof el.initial_value === 'string' ? el.initial_value : '');
      state = { type: 'plain_text_input', value: v === '' ? null : v };
    } else {
      state = { type: String(el.type), value: given ?? null };
    }
    out[blockId] = { [actionId]: state };
  }
  return out;
}
