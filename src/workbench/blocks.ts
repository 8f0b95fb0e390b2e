/**
 * Block Kit JSON → safe HTML, shaped like Slack draws it. Pure: the same blocks give the same
 * HTML; nothing is fetched (images become labelled placeholders). Text goes through
 * `mrkdwn.ts` or is escaped here; element IDs and values land only in escaped attributes.
 *
 * Interactive elements carry `data-action-id`, `data-block-id` and `data-kind` (plus
 * `data-value` for buttons) for the page to turn a click into a `block_actions` payload; inputs
 * carry a `name` of `blockId.actionId` for a view's `state.values`.
 */
import { escapeHtml } from './html.js';
import { mrkdwnToHtml, NO_NAMES, plainTextToHtml, safeHref, type NameBook } from './mrkdwn.js';
import { emojiFor } from './emoji.js';

type Rec = Readonly<Record<string, unknown>>;

export interface BlockRenderOptions {
  readonly names?: NameBook;
  /** Inline errors by block_id (a view submission's `response_action: errors`). */
  readonly errors?: Readonly<Record<string, string>>;
  /** Prefix for element ids, unique per rendered view or message. */
  readonly idPrefix?: string;
  /** Labels the renderer adds itself (the optional marker). */
  readonly words?: { readonly optional: string };
}

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

/** A text object (plain_text or mrkdwn) as HTML. */
export function textObject(t: unknown, names: NameBook = NO_NAMES): string {
  if (!isRec(t)) return '';
  if (t.type === 'mrkdwn') return mrkdwnToHtml(str(t.text), names);
  return plainTextToHtml(str(t.text), t.emoji !== false);
}

/** A text object as plain characters (for attributes and option labels). */
function textPlain(t: unknown): string {
  return isRec(t) ? str(t.text) : '';
}

function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

interface Ctx {
  readonly names: NameBook;
  readonly errors: Readonly<Record<string, string>>;
  readonly prefix: string;
  readonly optional: string;
}

function interactiveAttrs(el: Rec, blockId: string): string {
  return `${attr('data-kind', str(el.type))}${attr('data-action-id', str(el.action_id))}${attr('data-block-id', blockId)}`;
}

function button(el: Rec, blockId: string, ctx: Ctx): string {
  const style = el.style === 'primary' || el.style === 'danger' ? ` bk-button--${el.style}` : '';
  const label = textObject(el.text, ctx.names);
  const href = safeHref(str(el.url));
  const common = `class="bk-button${style}"${interactiveAttrs(el, blockId)}${attr('data-value', typeof el.value === 'string' ? el.value : undefined)}`;
  if (href !== undefined) return `<a ${common} href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  return `<button type="button" ${common}>${label}</button>`;
}

function options(el: Rec): string {
  const initial = isRec(el.initial_option) ? str(el.initial_option.value) : undefined;
  const one = (o: unknown): string => {
    if (!isRec(o)) return '';
    const value = str(o.value);
    return `<option${attr('value', value)}${value === initial ? ' selected' : ''}>${escapeHtml(textPlain(o.text))}</option>`;
  };
  const groups = arr(el.option_groups)
    .map((g) => (isRec(g) ? `<optgroup${attr('label', textPlain(g.label))}>${arr(g.options).map(one).join('')}</optgroup>` : ''))
    .join('');
  const placeholder = `<option value=""${initial === undefined ? ' selected' : ''}>${escapeHtml(textPlain(el.placeholder) || '…')}</option>`;
  return placeholder + arr(el.options).map(one).join('') + groups;
}

/** An element in an input block: a form control named `blockId.actionId`. */
function inputElement(el: Rec, blockId: string, id: string, describedBy: string, ctx: Ctx): string {
  const name = `${blockId}.${str(el.action_id)}`;
  const common = `id="${escapeHtml(id)}"${attr('name', name)}${interactiveAttrs(el, blockId)}${attr('aria-describedby', describedBy || undefined)}`;
  switch (el.type) {
    case 'plain_text_input': {
      const ph = attr('placeholder', textPlain(el.placeholder) || undefined);
      const max = typeof el.max_length === 'number' ? attr('maxlength', String(el.max_length)) : '';
      const value = str(el.initial_value);
      if (el.multiline === true) return `<textarea class="bk-textarea" rows="4" ${common}${ph}${max}>${escapeHtml(value)}</textarea>`;
      return `<input type="text" class="bk-text-input" ${common}${ph}${max}${attr('value', value)}>`;
    }
    case 'static_select':
      return `<select class="bk-select" ${common}>${options(el)}</select>`;
    default:
      return unsupported(el, ctx);
  }
}

function unsupported(el: Rec, _ctx: Ctx): string {
  return `<span class="bk-unsupported">[${escapeHtml(str(el.type) || 'element')}]</span>`;
}

/** An element in a section accessory, actions or context. */
function element(el: unknown, blockId: string, ctx: Ctx): string {
  if (!isRec(el)) return '';
  switch (el.type) {
    case 'button':
      return button(el, blockId, ctx);
    case 'static_select':
    case 'overflow': {
      const opts = el.type === 'overflow' ? { ...el, placeholder: { type: 'plain_text', text: '⋯' } } : el;
      return `<select class="bk-select"${interactiveAttrs(el, blockId)} aria-label="${escapeHtml(textPlain(el.placeholder) || '⋯')}">${options(opts)}</select>`;
    }
    case 'image':
      return image(el);
    case 'mrkdwn':
    case 'plain_text':
      return textObject(el, ctx.names);
    default:
      return unsupported(el, ctx);
  }
}

/** Images are never fetched: the page loads nothing from outside the machine. */
function image(el: Rec): string {
  const alt = str(el.alt_text) || 'image';
  return `<span class="bk-image" role="img"${attr('aria-label', alt)} title="${escapeHtml(str(el.image_url))}">🖼 ${escapeHtml(alt)}</span>`;
}

function section(b: Rec, blockId: string, ctx: Ctx): string {
  const textHtml = b.text !== undefined ? `<div class="bk-text">${textObject(b.text, ctx.names)}</div>` : '';
  const fields = arr(b.fields);
  const fieldsHtml =
    fields.length > 0
      ? `<div class="bk-fields">${fields.map((f) => `<div class="bk-field">${textObject(f, ctx.names)}</div>`).join('')}</div>`
      : '';
  const acc = b.accessory !== undefined ? `<div class="bk-accessory">${element(b.accessory, blockId, ctx)}</div>` : '';
  return `<div class="bk-section-body">${textHtml}${fieldsHtml}</div>${acc}`;
}

function input(b: Rec, blockId: string, ctx: Ctx): string {
  const el = isRec(b.element) ? b.element : {};
  const id = `${ctx.prefix}-${safeId(blockId)}-${safeId(str(el.action_id))}`;
  const error = ctx.errors[blockId];
  const hint = b.hint !== undefined ? `<div class="bk-hint" id="${escapeHtml(id)}-hint">${textObject(b.hint, ctx.names)}</div>` : '';
  const errorHtml =
    error !== undefined ? `<div class="bk-error" role="alert" id="${escapeHtml(id)}-error">${plainTextToHtml(error, false)}</div>` : '';
  const describedBy = [error !== undefined ? `${id}-error` : '', b.hint !== undefined ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const optional = b.optional === true ? ` <span class="bk-optional">(${escapeHtml(ctx.optional)})</span>` : '';
  return `<label class="bk-label" for="${escapeHtml(id)}">${textObject(b.label, ctx.names)}${optional}</label>${inputElement(el, blockId, id, describedBy, ctx)}${errorHtml}${hint}`;
}

type Style = Readonly<{ bold?: boolean; italic?: boolean; strike?: boolean; code?: boolean }>;

function richInline(el: unknown, ctx: Ctx): string {
  if (!isRec(el)) return '';
  const style: Style = isRec(el.style) ? (el.style as Style) : {};
  const wrap = (html: string): string => {
    let out = html;
    if (style.code) out = `<code class="mk-code">${out}</code>`;
    if (style.bold) out = `<b>${out}</b>`;
    if (style.italic) out = `<i>${out}</i>`;
    if (style.strike) out = `<s>${out}</s>`;
    return out;
  };
  switch (el.type) {
    case 'text':
      return wrap(escapeHtml(str(el.text)).replace(/\n/g, '<br>'));
    case 'link': {
      const href = safeHref(str(el.url));
      const label = escapeHtml(str(el.text) || str(el.url));
      return wrap(href ? `<a class="mk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label);
    }
    case 'emoji': {
      const uni = str(el.unicode);
      const fromHex = /^[0-9a-f]+(-[0-9a-f]+)*$/i.test(uni)
        ? String.fromCodePoint(...uni.split('-').map((h) => Number.parseInt(h, 16)))
        : undefined;
      return escapeHtml(emojiFor(str(el.name)) ?? fromHex ?? `:${str(el.name)}:`);
    }
    case 'user': {
      const id = str(el.user_id);
      return `<span class="mk-mention">@${escapeHtml(ctx.names.userName(id) ?? id)}</span>`;
    }
    case 'channel': {
      const id = str(el.channel_id);
      return `<span class="mk-channel">#${escapeHtml(ctx.names.channelName(id) ?? id)}</span>`;
    }
    case 'broadcast':
      return `<span class="mk-mention">@${escapeHtml(str(el.range))}</span>`;
    default:
      return '';
  }
}

function richElement(el: unknown, ctx: Ctx): string {
  if (!isRec(el)) return '';
  const inner = (): string =>
    arr(el.elements)
      .map((e) => richInline(e, ctx))
      .join('');
  switch (el.type) {
    case 'rich_text_section':
      return `<div class="bk-rt-section">${inner()}</div>`;
    case 'rich_text_quote':
      return `<blockquote class="mk-quote">${inner()}</blockquote>`;
    case 'rich_text_preformatted':
      return `<pre class="mk-pre">${inner()}</pre>`;
    case 'rich_text_list': {
      const tag = el.style === 'ordered' ? 'ol' : 'ul';
      return `<${tag} class="bk-rt-list">${arr(el.elements)
        .map(
          (item) =>
            `<li>${
              isRec(item)
                ? arr(item.elements)
                    .map((e) => richInline(e, ctx))
                    .join('')
                : ''
            }</li>`,
        )
        .join('')}</${tag}>`;
    }
    default:
      return '';
  }
}

function block(b: unknown, index: number, ctx: Ctx): string {
  if (!isRec(b)) return '';
  const type = str(b.type);
  const blockId = str(b.block_id) || `b${index}`;
  const open = (extra = ''): string =>
    `<div class="bk-block bk-${escapeHtml(type)}"${attr('data-block-type', type)}${attr('data-block-id', blockId)}${extra}>`;
  switch (type) {
    case 'header':
      return `${open()}<h3 class="bk-header-text">${textObject(b.text, ctx.names)}</h3></div>`;
    case 'section':
      return `${open()}${section(b, blockId, ctx)}</div>`;
    case 'context':
      return `${open()}${arr(b.elements)
        .map((e) => `<span class="bk-context-item">${element(e, blockId, ctx)}</span>`)
        .join('')}</div>`;
    case 'actions':
      return `${open(' role="group"')}${arr(b.elements)
        .map((e) => element(e, blockId, ctx))
        .join('')}</div>`;
    case 'divider':
      return `<hr class="bk-block bk-divider" data-block-type="divider">`;
    case 'input':
      return `${open(ctx.errors[blockId] !== undefined ? ' data-invalid="true"' : '')}${input(b, blockId, ctx)}</div>`;
    case 'image':
      return `${open()}${b.title !== undefined ? `<div class="bk-image-title">${textObject(b.title, ctx.names)}</div>` : ''}${image(b)}</div>`;
    case 'rich_text':
      return `${open()}${arr(b.elements)
        .map((e) => richElement(e, ctx))
        .join('')}</div>`;
    case 'markdown':
      return `${open()}${mrkdwnToHtml(str(b.text), ctx.names)}</div>`;
    default:
      return `${open()}<span class="bk-unsupported">[${escapeHtml(type || 'block')}]</span></div>`;
  }
}

function ctxOf(opts: BlockRenderOptions): Ctx {
  return {
    names: opts.names ?? NO_NAMES,
    errors: opts.errors ?? {},
    prefix: safeId(opts.idPrefix ?? 'bk'),
    optional: opts.words?.optional ?? 'optional',
  };
}

/** A list of blocks as HTML. */
export function renderBlocks(blocks: unknown, opts: BlockRenderOptions = {}): string {
  const ctx = ctxOf(opts);
  return `<div class="bk-blocks">${arr(blocks)
    .map((b, i) => block(b, i, ctx))
    .join('')}</div>`;
}

function attachment(a: unknown, ctx: Ctx): string {
  if (!isRec(a)) return '';
  const color = /^#?[0-9a-f]{3,8}$/i.test(str(a.color))
    ? `#${str(a.color).replace(/^#/, '')}`
    : str(a.color) === 'good'
      ? '#2eb67d'
      : str(a.color) === 'danger'
        ? '#e01e5a'
        : '#dddddd';
  const parts: string[] = [];
  if (a.pretext) parts.push(`<div class="bk-att-pretext">${mrkdwnToHtml(str(a.pretext), ctx.names)}</div>`);
  if (a.title) parts.push(`<div class="bk-att-title">${mrkdwnToHtml(str(a.title), ctx.names)}</div>`);
  if (a.text) parts.push(`<div class="bk-att-text">${mrkdwnToHtml(str(a.text), ctx.names)}</div>`);
  const fields = arr(a.fields).filter(isRec);
  if (fields.length > 0) {
    parts.push(
      `<div class="bk-fields">${fields.map((f) => `<div class="bk-field"><b>${escapeHtml(str(f.title))}</b><br>${mrkdwnToHtml(str(f.value), ctx.names)}</div>`).join('')}</div>`,
    );
  }
  if (arr(a.blocks).length > 0)
    parts.push(
      arr(a.blocks)
        .map((b, i) => block(b, i, ctx))
        .join(''),
    );
  if (parts.length === 0 && a.fallback) parts.push(`<div class="bk-att-text">${escapeHtml(str(a.fallback))}</div>`);
  return `<div class="bk-attachment" style="border-left-color:${escapeHtml(color)}">${parts.join('')}</div>`;
}

/** A message body as Slack shows it: its blocks when it has any, else its mrkdwn text; then attachments. */
export function renderMessageBody(
  message: { readonly text?: unknown; readonly blocks?: unknown; readonly attachments?: unknown },
  opts: BlockRenderOptions = {},
): string {
  const ctx = ctxOf(opts);
  const blocks = arr(message.blocks);
  const body =
    blocks.length > 0 ? renderBlocks(blocks, opts) : `<div class="bk-message-text">${mrkdwnToHtml(str(message.text), ctx.names)}</div>`;
  const atts = arr(message.attachments);
  return body + (atts.length > 0 ? `<div class="bk-attachments">${atts.map((a) => attachment(a, ctx)).join('')}</div>` : '');
}

/**
 * A modal: title bar with a close control, the blocks (inputs with inline errors), and the
 * close and submit buttons. The form's controls are what the page reads into `state.values`.
 */
export function renderModal(view: unknown, opts: BlockRenderOptions & { readonly closeLabel?: string } = {}): string {
  const v = isRec(view) ? view : {};
  const prefix = safeId(opts.idPrefix ?? 'modal');
  const titleId = `${prefix}-title`;
  const submit =
    v.submit !== undefined
      ? `<button type="submit" class="bk-button bk-button--primary" data-modal="submit">${textObject(v.submit)}</button>`
      : '';
  const closeText = v.close !== undefined ? textObject(v.close) : escapeHtml(opts.closeLabel ?? 'Close');
  return (
    `<div class="bk-modal" role="dialog" aria-modal="true" aria-labelledby="${escapeHtml(titleId)}"${attr('data-view-id', str(v.id) || undefined)}${attr('data-callback-id', str(v.callback_id) || undefined)}>` +
    `<form class="bk-modal-form" novalidate>` +
    `<header class="bk-modal-header"><h2 class="bk-modal-title" id="${escapeHtml(titleId)}">${textObject(v.title)}</h2>` +
    `<button type="button" class="bk-modal-x" data-modal="close" aria-label="${escapeHtml(opts.closeLabel ?? 'Close')}">×</button></header>` +
    `<div class="bk-modal-body">${renderBlocks(v.blocks, { ...opts, idPrefix: prefix })}</div>` +
    `<footer class="bk-modal-footer"><button type="button" class="bk-button" data-modal="close">${closeText}</button>${submit}</footer>` +
    `</form></div>`
  );
}
