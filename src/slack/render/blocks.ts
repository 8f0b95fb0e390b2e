/**
 * Small Block Kit builders shared by the card, notices and modals. Every builder keeps its
 * output inside Slack's limits (truncating with `…`), and every piece of text that did not come
 * from this module's own templates goes through `escapeMrkdwn` before it lands in mrkdwn.
 */
import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { LIMITS } from './limits.js';

/** A message for `respond()` / `chat.postMessage`: blocks plus the plain-text fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Escape the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// mrkdwn has no escape for its formatting markers, so text that must stay text gets visible
// look-alikes for them: `*bold*` from a vendor reads as ∗bold∗, never as bold.
const INERT_MARKERS: Readonly<Record<string, string>> = { '*': '∗', _: '＿', '~': '∼', '`': 'ˋ' };

/**
 * Text shown as text inside mrkdwn: `&`, `<`, `>` escaped and the formatting markers (`*`, `_`,
 * `~`, `` ` ``) replaced by look-alikes. For untrusted text (vendor messages, raw vendor values).
 */
export function escapeText(s: string): string {
  return inertMarkers(escapeMrkdwn(s));
}

/** Only the formatting markers (`*`, `_`, `~`, `` ` ``) replaced by look-alikes; see `escapeText`. */
export function inertMarkers(s: string): string {
  return s.replace(/[*_~`]/g, (c) => INERT_MARKERS[c] ?? c);
}

/**
 * Cut `s` to at most `max` UTF-16 units, ending with `…` when cut. Counting UTF-16 units is
 * conservative (an emoji counts twice), and a surrogate pair is never split.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Plain text (emoji shortcodes on), cut to `max`. */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** An mrkdwn text object. The caller has escaped what needs escaping. */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

/** A section with one mrkdwn text. */
export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text, LIMITS.sectionText) };
}

/** One labelled fact for a `fields` section. Both parts are plain text; they are escaped here. */
export interface Field {
  readonly label: string;
  readonly value: string;
  /** A mask we produced (`010-****-5678`): its `*` are kept; any other value is shown as text. */
  readonly masked?: boolean;
}

/** A section of `*label*\nvalue` fields (at most 10; the caller decides which ones matter). */
export function fieldsSection(fields: readonly Field[]): SectionBlock {
  if (fields.length > LIMITS.sectionFields) throw new RangeError(`a section holds at most ${LIMITS.sectionFields} fields`);
  return {
    type: 'section',
    fields: fields.map((f) =>
      mrkdwn(`*${escapeMrkdwn(f.label)}*\n${f.masked ? escapeMrkdwn(f.value) : escapeText(f.value)}`, LIMITS.fieldText),
    ),
  };
}

/** A context block of mrkdwn elements (at most 10). */
export function context(texts: readonly string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** Quote text verbatim as an mrkdwn block quote, shown as text (see `escapeText`), one `>` per line. */
export function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeText(line)}`)
    .join('\n');
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `<@U123>` for a Slack user ID; anything else is shown as escaped text, never as markup. */
export function mention(userId: string): string {
  return SLACK_USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/**
 * The notification / screen-reader `text` beside the blocks: plain lines, escaped here (Slack
 * parses `&`, `<`, `>` in `text` too), never empty.
 */
export function fallbackText(lines: readonly string[]): string {
  const text = lines
    .filter((l) => l.trim() !== '')
    .map(escapeMrkdwn)
    .join('\n');
  return text === '' ? '-' : truncate(text, LIMITS.fallbackText);
}

/** mrkdwn → what a person reads: no emoji codes, no emphasis, mentions as `#C…`, entities decoded. */
export function unmark(mrkdwn: string): string {
  return (
    mrkdwn
      .replace(/:[a-z_]+: /g, '')
      .replace(/<#([A-Z0-9]+)>/g, '#$1')
      // Only paired markers are markup: a lone `*` or `` ` `` is content (e.g. the character a
      // ValidationError reports) and must survive.
      .replace(/\*([^*\n]+)\*/g, '$1')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}
