/**
 * The readable text of a Slack message, for the complaint extractor. Pure and tolerant: every
 * field of the message may be missing or odd-shaped; nothing here throws.
 * Output is in Slack's own text format (mentions as `<@U…>`, `&lt;`-escaped), so one
 * `stripSlackMarkup` call turns it and a plain `text` field into the same readable text.
 */
import { escapeMrkdwn } from '../render/blocks.js';

/** A Slack message as far as text extraction cares (structurally matches Bolt's message types). */
export interface SlackMessageLike {
  readonly text?: unknown;
  readonly blocks?: unknown;
  readonly attachments?: unknown;
}

type Rec = Readonly<Record<string, unknown>>;

// Real messages nest a few levels; the cap only guards against hostile or cyclic input.
const MAX_DEPTH = 12;

/**
 * `text`, plus the text of its blocks when `text` does not already say the same (a bot's
 * `text` is often just a notification line while the blocks carry the complaint), plus each
 * attachment's pretext, title, text and fields (its `fallback` only when it has nothing else,
 * since a fallback summarises the same content). Blocks: section text and fields, header,
 * context elements, markdown, rich_text (sections, nested lists, quotes, preformatted).
 */
export function messageText(message: SlackMessageLike | null | undefined): string {
  if (!isRec(message)) return '';
  const text = str(message.text).trim();
  const parts = [text];
  const fromBlocks = blocksText(message.blocks, 0);
  if (fromBlocks !== '' && !readableLetters(text).includes(readableLetters(fromBlocks))) parts.push(fromBlocks);
  for (const attachment of arr(message.attachments)) parts.push(attachmentText(attachment, 0));
  return parts.filter((p) => p !== '').join('\n');
}

/**
 * Slack text → readable text: mentions, channel links and special commands (`<@U…>`, `<#C…|name>`,
 * `<!here>`) removed, links replaced by their label (removed when unlabelled), `&lt;` `&gt;`
 * `&amp;` decoded.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<([^<>|\s]+)(?:\|([^<>]*))?>/g, (whole, target: string, label: string | undefined) => {
      if (/^[@#!]/.test(target)) return ' ';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return label ?? ' ';
      return whole;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Letters and digits only, lower-cased: "does the text already say this?" ignoring markup. */
function readableLetters(text: string): string {
  return stripSlackMarkup(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function blocksText(blocks: unknown, depth: number): string {
  return joinLines(arr(blocks).map((b) => blockText(b, depth + 1)));
}

function blockText(block: unknown, depth: number): string {
  if (!isRec(block) || depth > MAX_DEPTH) return '';
  switch (block.type) {
    case 'rich_text':
      return joinLines(arr(block.elements).map((e) => richText(e, depth + 1)));
    case 'context':
      return arr(block.elements)
        .map(textObject)
        .filter((t) => t !== '')
        .join(' ');
    default:
      // section, header, markdown and unknown kinds: whatever text they carry
      return joinLines([textObject(block.text), ...arr(block.fields).map(textObject)]);
  }
}

/** A composition text object (`plain_text` is unescaped, so escape it like mrkdwn), or a bare string. */
function textObject(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isRec(value) || typeof value.text !== 'string') return '';
  return value.type === 'plain_text' ? escapeMrkdwn(value.text) : value.text;
}

function richText(element: unknown, depth: number): string {
  if (!isRec(element) || depth > MAX_DEPTH) return '';
  switch (element.type) {
    case 'rich_text_list':
      return joinLines(arr(element.elements).map((e) => richText(e, depth + 1)));
    case 'text':
      return escapeMrkdwn(str(element.text));
    case 'link': {
      const url = str(element.url);
      const label = str(element.text);
      if (url === '') return escapeMrkdwn(label);
      return label === '' ? `<${url}>` : `<${url}|${escapeMrkdwn(label)}>`;
    }
    case 'user':
      return `<@${str(element.user_id)}>`;
    case 'usergroup':
      return `<!subteam^${str(element.usergroup_id)}>`;
    case 'channel':
      return `<#${str(element.channel_id)}>`;
    case 'broadcast':
      return `<!${str(element.range)}>`;
    case 'emoji':
      return `:${str(element.name)}:`;
    case 'date':
      return escapeMrkdwn(str(element.fallback));
    default:
      // rich_text_section, _quote, _preformatted and unknown containers: inline children in order
      if (Array.isArray(element.elements))
        return arr(element.elements)
          .map((e) => richText(e, depth + 1))
          .join('');
      return escapeMrkdwn(str(element.text));
  }
}

function attachmentText(attachment: unknown, depth: number): string {
  if (!isRec(attachment)) return '';
  const fields = arr(attachment.fields).map((f) => {
    if (!isRec(f)) return '';
    const title = str(f.title).trim();
    const value = str(f.value).trim();
    // Keep the field title: "쿠폰번호: 1234…" lets the extractor see the label.
    return title !== '' && value !== '' ? `${title}: ${value}` : value;
  });
  const body = joinLines([
    str(attachment.pretext),
    str(attachment.title),
    str(attachment.text),
    ...fields,
    blocksText(attachment.blocks, depth + 1),
  ]);
  return body !== '' ? body : str(attachment.fallback).trim();
}

function joinLines(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n');
}

function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
