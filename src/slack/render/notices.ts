/**
 * Private notices: usage, bad input, refusals and fallbacks. Each is a short message (text plus
 * blocks) or, for a modal submission, the same content as a view. Pure.
 */
import type { KnownBlock, View } from '@slack/types';
import type { Catalog } from '../../config/catalog.js';
import type { ValidationError } from '../../coufun/errors.js';
import { describeError, type Locale } from '../../display/index.js';
import { context, escapeMrkdwn, fallbackText, plain, section, unmark, type SlackMessage } from './blocks.js';
import { isChannelId } from '../../config/allowlist.js';
import { LIMITS } from './limits.js';
import { noticeWords } from './notice-strings.js';

export type Notice =
  | { readonly kind: 'help'; readonly command: string; readonly catalog: Catalog }
  /** `command` adds the usage line (the form has none). */
  | { readonly kind: 'missing_barcode'; readonly command?: string }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number }
  | { readonly kind: 'invalid_input'; readonly error: ValidationError; readonly position?: number }
  | { readonly kind: 'channel_refused'; readonly channelId: string }
  /** A request from no channel at all (a button in the App Home tab): where to ask instead. */
  | { readonly kind: 'channel_needed'; readonly command: string }
  | { readonly kind: 'rate_limited'; readonly retryAtMs: number; readonly nowMs: number }
  | { readonly kind: 'bot_not_in_channel'; readonly channelId: string }
  /** `reason`: `rate_limited`, or the Slack error code (e.g. `is_archived`). */
  | { readonly kind: 'thread_post_failed'; readonly reason: string }
  | { readonly kind: 'nothing_found' }
  | { readonly kind: 'expired_action' }
  | { readonly kind: 'internal_error'; readonly ref: string };

/** Catalog entries listed in the help, to keep it one screen. */
const HELP_GOODS = 15;

/** `<#C…>` for a real channel ID, escaped text otherwise. */
function channelRef(id: string): string {
  return isChannelId(id) ? `<#${id}>` : `\`${escapeMrkdwn(id)}\``;
}

/** The notice as mrkdwn paragraphs; the first is the headline. */
function paragraphs(notice: Notice, locale: Locale): string[] {
  const w = noticeWords(locale);
  switch (notice.kind) {
    case 'help': {
      const cmd = escapeMrkdwn(notice.command);
      const goods = notice.catalog.entries.slice(0, HELP_GOODS).map((e) => `• \`${escapeMrkdwn(e.id)}\` ${escapeMrkdwn(e.name)}`);
      const more = notice.catalog.entries.length > HELP_GOODS ? [`… +${notice.catalog.entries.length - HELP_GOODS}`] : [];
      const goodsPart = goods.length > 0 ? `*${w.help.goodsTitle}*\n${[...goods, ...more].join('\n')}` : w.help.noCatalog;
      return [`*${w.help.title}*\n${w.help.usage(cmd)}\n${w.help.examples(cmd)}`, goodsPart, w.help.shortcut, w.help.privacy];
    }
    case 'missing_barcode':
      return [`:warning: ${w.missingBarcode(notice.command ? w.help.usage(escapeMrkdwn(notice.command)) : '')}`];
    case 'too_many_barcodes':
      return [`:warning: ${w.tooManyBarcodes(notice.given, notice.max)}`];
    case 'invalid_input': {
      const view = describeError(notice.error, locale);
      const where = notice.position !== undefined && notice.error.field === 'BARCODE_NUM' ? ` (${w.position(notice.position)})` : '';
      return [`:warning: *${escapeMrkdwn(w.invalidTitle)}*${where}\n${escapeMrkdwn(view.detail)}`, escapeMrkdwn(view.hint)];
    }
    case 'channel_refused':
      return [`:no_entry: ${w.channelRefused(channelRef(notice.channelId), escapeMrkdwn(notice.channelId))}`];
    case 'channel_needed':
      return [`:no_entry: ${w.channelNeeded(escapeMrkdwn(notice.command))}`];
    case 'rate_limited':
      return [`:hourglass: ${w.rateLimited(Math.max(1, Math.ceil((notice.retryAtMs - notice.nowMs) / 1000)))}`];
    case 'bot_not_in_channel':
      return [`:information_source: ${w.botNotInChannel(channelRef(notice.channelId))}`];
    case 'thread_post_failed':
      return [
        `:information_source: ${w.threadPostFailed(notice.reason === 'rate_limited' ? w.slackRateLimited : escapeMrkdwn(notice.reason))}`,
      ];
    case 'nothing_found':
      return [`:mag: ${w.nothingFound}`];
    case 'expired_action':
      return [`:hourglass: ${w.expiredAction}`];
    case 'internal_error':
      return [`:x: ${w.internalError(escapeMrkdwn(notice.ref))}`];
  }
}

function blocksOf(parts: readonly string[]): KnownBlock[] {
  const [head, ...rest] = parts;
  return [section(head ?? '-'), ...(rest.length > 0 ? [context(rest)] : [])];
}

/** A notice as plain text, e.g. for a modal's inline `errors` (shown verbatim by Slack). */
export function noticePlainText(notice: Notice, locale: Locale): string {
  return paragraphs(notice, locale).map(unmark).join('\n');
}

/** A notice as a message for `respond()`; the fallback text is the notice without markup. */
export function renderNotice(notice: Notice, locale: Locale): SlackMessage {
  const parts = paragraphs(notice, locale);
  return { text: fallbackText(parts.map(unmark)), blocks: blocksOf(parts) };
}

/** The same notice as a modal (for answering a view submission with `response_action: update`). */
export function renderNoticeModal(notice: Notice, locale: Locale): View {
  const w = noticeWords(locale);
  return {
    type: 'modal',
    title: plain(w.modalTitle, LIMITS.viewTitle),
    close: plain(w.modalClose, LIMITS.viewTitle),
    blocks: blocksOf(paragraphs(notice, locale)),
  };
}
