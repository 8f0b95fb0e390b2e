/**
 * The page's changing parts as HTML, drawn from the World on each change: the channel list,
 * the channel's messages, the open thread, the modal. Message bodies come from `blocks.ts`;
 * everything else is escaped here.
 */
import { renderMessageBody, renderModal } from './blocks.js';
import { formatInKst } from '../time/kst.js';
import { escapeHtml } from './html.js';
import type { NameBook } from './mrkdwn.js';
import { SHORTCUT } from './interactions.js';
import { BOT_USER_ID, CHANNELS, type WbMessage, type World } from './world.js';

export const WORDS = {
  ko: {
    channels: '채널',
    directMessages: '다이렉트 메시지',
    notPermitted: '허용 안 됨',
    onlyYou: '나에게만 표시',
    dismiss: '닫기',
    moreActions: '더 보기',
    replyInThread: '스레드에 답장',
    replies: (n: number) => `답글 ${n}개`,
    thread: '스레드',
    closeThread: '스레드 닫기',
    edited: '(편집됨)',
    viewJson: 'JSON 보기',
    builder: 'Block Kit Builder에서 열기',
    app: '앱',
    optional: '선택 사항',
    close: '닫기',
    composer: (name: string) => `#${name}에 메시지 보내기 — /coupon 0000999999 012345678902`,
    threadComposer: '답장하기…',
    empty: '아직 메시지가 없습니다.',
    send: '보내기',
  },
  en: {
    channels: 'Channels',
    directMessages: 'Direct messages',
    notPermitted: 'not permitted',
    onlyYou: 'Only visible to you',
    dismiss: 'Dismiss',
    moreActions: 'More actions',
    replyInThread: 'Reply in thread',
    replies: (n: number) => (n === 1 ? '1 reply' : `${n} replies`),
    thread: 'Thread',
    closeThread: 'Close thread',
    edited: '(edited)',
    viewJson: 'View JSON',
    builder: 'Open in Block Kit Builder',
    app: 'APP',
    optional: 'optional',
    close: 'Close',
    composer: (name: string) => `Message #${name} — /coupon 0000999999 012345678902`,
    threadComposer: 'Reply…',
    empty: 'No messages yet.',
    send: 'Send',
  },
} as const;

export type Words = (typeof WORDS)['ko' | 'en'];

export function wordsFor(world: World): Words {
  return WORDS[world.locale];
}

export function nameBook(world: World): NameBook {
  return {
    userName: (id) => world.users.get(id)?.realName,
    channelName: (id) => world.channel(id)?.name,
  };
}

const BUILDER = 'https://app.slack.com/block-kit-builder/#';

/** Slack's Block Kit Builder with these blocks (or this modal) loaded. */
export function builderUrl(payload: Record<string, unknown>): string {
  return `${BUILDER}${encodeURIComponent(JSON.stringify(payload))}`;
}

function kstTime(ts: string): string {
  return formatInKst(Number.parseFloat(ts) * 1000, 'HH:mm');
}

function author(m: WbMessage, world: World): { name: string; bot: boolean } {
  if (m.username) return { name: m.username, bot: m.botId !== undefined };
  const u = m.user ? world.users.get(m.user) : undefined;
  if (m.user === BOT_USER_ID) return { name: 'coupon-bot', bot: true };
  return { name: u?.realName ?? m.user ?? '?', bot: m.botId !== undefined };
}

function avatar(name: string, bot: boolean): string {
  const letter = [...name][0] ?? '?';
  return `<div class="avatar${bot ? ' avatar--bot' : ''}" aria-hidden="true">${escapeHtml(letter)}</div>`;
}

export function renderMessage(m: WbMessage, world: World, where: 'channel' | 'thread'): string {
  const w = wordsFor(world);
  const a = author(m, world);
  const ephemeral = m.ephemeralFor !== undefined;
  const replies = where === 'channel' && (m.threadTs === undefined || m.threadTs === m.ts) ? world.replyCount(m) : 0;
  const parentTs = m.threadTs ?? m.ts;
  const bodyId = `msg-${m.id}`;
  const body = renderMessageBody(m, { names: nameBook(world), idPrefix: bodyId, words: { optional: w.optional } });
  const json = JSON.stringify(m.raw, null, 2);
  const builder =
    m.blocks && m.blocks.length > 0
      ? `<a class="msg-builder" href="${escapeHtml(builderUrl({ blocks: m.raw.blocks ?? m.blocks }))}" target="_blank" rel="noopener noreferrer">${escapeHtml(w.builder)}</a>`
      : '';
  const menuId = `menu-${where}-${m.id}`;
  const actions = ephemeral
    ? `<button type="button" class="link-button" data-dismiss="${escapeHtml(m.id)}">${escapeHtml(w.dismiss)}</button>`
    : `<div class="msg-menu-wrap">` +
      `<button type="button" class="msg-more" aria-haspopup="menu" aria-expanded="false" aria-controls="${escapeHtml(menuId)}" aria-label="${escapeHtml(w.moreActions)}" data-menu-toggle="${escapeHtml(menuId)}">⋮</button>` +
      `<div class="msg-menu" role="menu" id="${escapeHtml(menuId)}" hidden>` +
      `<button type="button" role="menuitem" tabindex="-1" data-shortcut="${escapeHtml(m.id)}">${escapeHtml(SHORTCUT.name)}</button>` +
      (where === 'channel'
        ? `<button type="button" role="menuitem" tabindex="-1" data-open-thread="${escapeHtml(parentTs)}">${escapeHtml(w.replyInThread)}</button>`
        : '') +
      `</div></div>`;
  return (
    `<li class="msg${ephemeral ? ' msg--ephemeral' : ''}" data-message-id="${escapeHtml(m.id)}" data-ts="${escapeHtml(m.ts)}" data-via="${escapeHtml(m.via)}"${m.threadTs ? ` data-thread-ts="${escapeHtml(m.threadTs)}"` : ''}>` +
    avatar(a.name, a.bot) +
    `<div class="msg-main">` +
    `<div class="msg-head"><span class="msg-author">${escapeHtml(a.name)}</span>${a.bot ? `<span class="badge">${escapeHtml(w.app)}</span>` : ''}<time class="msg-time" datetime="${new Date(Number.parseFloat(m.ts) * 1000).toISOString()}">${kstTime(m.ts)}</time>${m.edited ? `<span class="msg-edited">${escapeHtml(w.edited)}</span>` : ''}</div>` +
    (ephemeral ? `<div class="msg-ephemeral-note">👁 ${escapeHtml(w.onlyYou)}</div>` : '') +
    `<div class="msg-body">${body}</div>` +
    (replies > 0
      ? `<button type="button" class="msg-replies" data-open-thread="${escapeHtml(m.ts)}">${escapeHtml(w.replies(replies))}</button>`
      : '') +
    `<div class="msg-tools"><details class="msg-json" data-json-for="${escapeHtml(m.id)}"><summary>${escapeHtml(w.viewJson)}</summary><pre>${escapeHtml(json)}</pre></details>${builder}</div>` +
    `</div>` +
    `<div class="msg-actions">${actions}</div>` +
    `</li>`
  );
}

export function renderSidebar(world: World, current: string): string {
  const w = wordsFor(world);
  const item = (c: (typeof world.channels)[number]): string => {
    const label = c.kind === 'dm' ? `● ${c.name}` : `# ${c.name}`;
    return `<li><button type="button" class="chan${c.id === current ? ' chan--current' : ''}" data-channel="${escapeHtml(c.id)}"${c.id === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}${c.allowed ? '' : ` <span class="chan-note">${escapeHtml(w.notPermitted)}</span>`}</button></li>`;
  };
  return (
    `<h2 class="side-title">${escapeHtml(w.channels)}</h2><ul class="chan-list">${world.channels
      .filter((c) => c.kind === 'channel')
      .map(item)
      .join('')}</ul>` +
    `<h2 class="side-title">${escapeHtml(w.directMessages)}</h2><ul class="chan-list">${world.channels
      .filter((c) => c.kind === 'dm')
      .map(item)
      .join('')}</ul>`
  );
}

export interface PageState {
  readonly version: number;
  readonly locale: 'ko' | 'en';
  readonly send: string;
  readonly me: { readonly id: string; readonly name: string };
  readonly channel: {
    readonly id: string;
    readonly name: string;
    readonly allowed: boolean;
    readonly placeholder: string;
    readonly title: string;
  };
  readonly sidebar: string;
  readonly messages: string;
  readonly thread: {
    readonly ts: string;
    readonly html: string;
    readonly placeholder: string;
    readonly title: string;
    readonly close: string;
  } | null;
  readonly modal: {
    readonly viewId: string;
    readonly key: string;
    readonly html: string;
    readonly errors: Record<string, string>;
    readonly builder: string;
  } | null;
}

export function pageState(world: World, channelId: string, threadTs: string | undefined): PageState {
  const channel = world.channel(channelId) ?? CHANNELS.triage;
  const w = wordsFor(world);
  const messages = world.channelMessages(channel.id);
  const parent = threadTs ? world.findByTs(channel.id, threadTs) : undefined;
  const modal = world.topModal();
  return {
    version: world.version,
    locale: world.locale,
    send: w.send,
    me: { id: world.me.id, name: world.me.realName },
    channel: {
      id: channel.id,
      name: channel.name,
      allowed: channel.allowed,
      placeholder: w.composer(channel.name),
      title: channel.kind === 'dm' ? channel.name : `#${channel.name}`,
    },
    sidebar: renderSidebar(world, channel.id),
    messages:
      messages.length > 0
        ? messages.map((m) => renderMessage(m, world, 'channel')).join('')
        : `<li class="msg-empty">${escapeHtml(w.empty)}</li>`,
    thread:
      threadTs !== undefined
        ? {
            ts: threadTs,
            html: [...(parent ? [parent] : []), ...world.replies(channel.id, threadTs)]
              .map((m) => renderMessage(m, world, 'thread'))
              .join(''),
            placeholder: w.threadComposer,
            title: w.thread,
            close: w.closeThread,
          }
        : null,
    modal: modal
      ? {
          viewId: modal.viewId,
          key: `${modal.viewId}:${modal.revision}`,
          html:
            (modal.errors[''] ? `<div class="bk-modal-banner" role="alert">${escapeHtml(modal.errors[''])}</div>` : '') +
            renderModal(modal.view, {
              names: nameBook(world),
              errors: modal.errors,
              idPrefix: `view-${modal.viewId}-${modal.revision}`,
              closeLabel: w.close,
              words: { optional: w.optional },
            }),
          errors: modal.errors,
          builder: builderUrl(stripViewForBuilder(modal.view)),
        }
      : null,
  };
}

function stripViewForBuilder(view: Record<string, unknown>): Record<string, unknown> {
  const { type, title, submit, close, blocks } = view;
  return { type, title, ...(submit ? { submit } : {}), ...(close ? { close } : {}), blocks };
}
