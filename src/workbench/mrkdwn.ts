/**
 * Slack's mrkdwn → safe HTML. Pure.
 *
 * Slack's rules: the sender escapes `&`, `<`, `>` as `&amp;` `&lt;` `&gt;`, so a raw `<` always
 * opens a control sequence (`<@U…>`, `<#C…|name>`, `<!here>`, `<url|label>`) and a raw `>` at
 * the start of a line opens a block quote. `*bold*`, `_italic_`, `~strike~` need a non-word
 * character (or the line's edge) outside each marker; `` `code` `` and ```` ``` ```` blocks
 * are verbatim. `:shortcode:` becomes its emoji.
 *
 * Safety: every piece of text is entity-decoded and then HTML-escaped before any tag is added,
 * tags come only from this module's fixed strings, and links are made only for http(s) and
 * mailto URLs.
 */
import { replaceShortcodes } from './emoji.js';
import { escapeHtml } from './html.js';

/** Names for mentions; unknown IDs are shown as the ID. */
export interface NameBook {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
}

export const NO_NAMES: NameBook = { userName: () => undefined, channelName: () => undefined };

/** `&lt;` `&gt;` `&amp;` → characters (what the sender escaped). */
export function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Decoded, then escaped for HTML. */
function text(s: string): string {
  return escapeHtml(decodeEntities(s));
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

interface Token {
  readonly raw: string;
  readonly html: string;
}

export function safeHref(url: string): string | undefined {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}

function renderControl(inner: string, names: NameBook): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.userName(id) ?? label ?? id;
    return `<span class="mk-mention" data-user-id="${escapeHtml(id)}">@${text(name)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = names.channelName(id) ?? label ?? id;
    return `<span class="mk-channel" data-channel-id="${escapeHtml(id)}">#${text(name)}</span>`;
  }
  if (target.startsWith('!')) {
    const cmd = target.slice(1);
    if (cmd === 'here' || cmd === 'channel' || cmd === 'everyone') return `<span class="mk-mention">@${cmd}</span>`;
    if (cmd.startsWith('subteam^')) return `<span class="mk-mention">${text(label ?? '@group')}</span>`;
    if (cmd.startsWith('date^')) return text(label ?? '');
    return text(label ?? '');
  }
  const url = decodeEntities(target);
  const href = safeHref(url);
  if (href === undefined) return escapeHtml(`<${decodeEntities(inner)}>`);
  return `<a class="mk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text(label ?? target)}</a>`;
}

const WORD = String.raw`[\p{L}\p{N}]`;
function styleRule(marker: string): RegExp {
  const m = marker === '*' ? String.raw`\*` : marker;
  return new RegExp(String.raw`(^|[^\p{L}\p{N}${m}])${m}(?=[^\s${m}])([^${m}\n]*?[^\s${m}])${m}(?!${WORD}|${m})`, 'gu');
}
const STYLES: ReadonlyArray<readonly [RegExp, string]> = [
  [styleRule('*'), 'b'],
  [styleRule('_'), 'i'],
  [styleRule('~'), 's'],
];

/** Text outside code: escaped, then styled, then emoji. */
function styled(s: string): string {
  let out = text(s);
  for (const [rule, tag] of STYLES) {
    // Repeat so that adjacent spans sharing a boundary character are all found.
    let prev: string;
    do {
      prev = out;
      out = out.replace(rule, (_w, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
    } while (out !== prev);
  }
  return replaceShortcodes(out);
}

function restoreRaw(s: string, tokens: readonly Token[]): string {
  return s.replace(PLACEHOLDER, (_w, i: string) => tokens[Number(i)]?.raw ?? '');
}

/** One line: inline code spans verbatim, the rest styled. */
function inline(line: string, tokens: readonly Token[]): string {
  return line
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code class="mk-code">${text(restoreRaw(part.slice(1, -1), tokens))}</code>` : styled(part)))
    .join('');
}

function lines(segment: string, tokens: readonly Token[]): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = (): void => {
    if (quote.length > 0) out.push(`<blockquote class="mk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  const plain: string[] = [];
  const flushPlain = (): void => {
    if (plain.length > 0) out.push(plain.join('<br>'));
    plain.length = 0;
  };
  for (const line of segment.split('\n')) {
    if (line.startsWith('>')) {
      flushPlain();
      quote.push(inline(line.replace(/^> ?/, ''), tokens));
    } else {
      flush();
      plain.push(inline(line, tokens));
    }
  }
  flush();
  flushPlain();
  return out
    .join('<br>')
    .replace(/(<\/blockquote>)<br>/g, '$1')
    .replace(/<br>(<blockquote)/g, '$1');
}

/** Render mrkdwn (as Slack receives it, already `&lt;`-escaped by the sender) to HTML. */
export function mrkdwnToHtml(source: string, names: NameBook = NO_NAMES): string {
  const tokens: Token[] = [];
  const withPlaceholders = source
    .replace(/[\uE000\uE001]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/<([^<>\n]*)>/g, (raw, inner: string) => {
      tokens.push({ raw, html: renderControl(inner, names) });
      return `${OPEN}${tokens.length - 1}${CLOSE}`;
    });
  const parts = withPlaceholders.split(/```([\s\S]*?)```/);
  const html = parts
    .map((part, i) => {
      if (i % 2 === 1) return `<pre class="mk-pre">${text(restoreRaw(part.replace(/^\n/, ''), tokens))}</pre>`;
      const segment = i > 0 ? part.replace(/^\n/, '') : part;
      return segment === '' ? '' : lines(segment, tokens);
    })
    .join('');
  return html.replace(PLACEHOLDER, (_w, i: string) => tokens[Number(i)]?.html ?? '');
}

/** A plain_text object's text: shown as given (no entities, no markup), emoji codes when asked. */
export function plainTextToHtml(s: string, emoji = true): string {
  const escaped = escapeHtml(s.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
  return emoji ? replaceShortcodes(escaped) : escaped;
}
