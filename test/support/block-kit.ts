/**
 * An offline checker for Block Kit's limits (src/slack/render/limits.ts), test-only: there is no
 * official validator, so every rendered message and view is checked against this in tests.
 * Lengths are counted in UTF-16 units, which never undercounts Slack's characters.
 */
import type { View } from '@slack/types';
import type { SlackMessage } from '../../src/slack/render/blocks.js';
import { LIMITS } from '../../src/slack/render/limits.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

/** Collects problems while walking one message or view. */
class Checker {
  readonly problems: string[] = [];
  private readonly blockIds = new Set<string>();
  private readonly actionIds = new Set<string>();

  add(where: string, problem: string): void {
    this.problems.push(`${where}: ${problem}`);
  }

  /** A text object: present, the right type, 1..max characters. */
  text(value: unknown, where: string, max: number, plainOnly = false): void {
    if (!isObj(value)) return this.add(where, 'text object missing');
    if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn')) {
      return this.add(where, `must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}, is ${String(value.type)}`);
    }
    const n = len(value.text);
    if (typeof value.text !== 'string' || n === 0) this.add(where, 'text is empty');
    else if (n > max) this.add(where, `text has ${n} characters (max ${max})`);
  }

  private id(kind: 'block_id' | 'action_id', value: unknown, where: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value === '') return this.add(where, `${kind} must be a non-empty string`);
    if (value.length > LIMITS.id) this.add(where, `${kind} has ${value.length} characters (max ${LIMITS.id})`);
    const seen = kind === 'block_id' ? this.blockIds : this.actionIds;
    if (seen.has(value)) this.add(where, `${kind} "${value}" is not unique`);
    seen.add(value);
  }

  private max(value: unknown, max: number, what: string, where: string): void {
    if (len(value) > max) this.add(where, `${what} has ${len(value)} characters (max ${max})`);
  }

  block(block: unknown, where: string): void {
    if (!isObj(block)) return this.add(where, 'not an object');
    this.id('block_id', block.block_id, where);
    const at = `${where} (${String(block.type)})`;
    switch (block.type) {
      case 'section':
        if (block.text === undefined && block.fields === undefined) this.add(at, 'needs text or fields');
        if (block.text !== undefined) this.text(block.text, `${at}.text`, LIMITS.sectionText);
        if (block.fields !== undefined)
          this.list(block.fields, `${at}.fields`, LIMITS.sectionFields, (f, w) => this.text(f, w, LIMITS.fieldText));
        if (block.accessory !== undefined) this.element(block.accessory, `${at}.accessory`);
        return;
      case 'header':
        return this.text(block.text, `${at}.text`, LIMITS.headerText, true);
      case 'context':
        return this.list(block.elements, `${at}.elements`, LIMITS.contextElements, (e, w) => {
          if (isObj(e) && (e.type === 'mrkdwn' || e.type === 'plain_text')) this.text(e, w, LIMITS.contextText);
        });
      case 'actions':
        return this.list(block.elements, `${at}.elements`, LIMITS.actionsElements, (e, w) => this.element(e, w));
      case 'input':
        this.text(block.label, `${at}.label`, LIMITS.inputLabel, true);
        if (block.hint !== undefined) this.text(block.hint, `${at}.hint`, LIMITS.inputHint, true);
        return this.element(block.element, `${at}.element`);
      default:
        return;
    }
  }

  /** An array of 1..max items, each checked. */
  private list(items: unknown, where: string, max: number, each: (item: unknown, where: string) => void): void {
    if (!Array.isArray(items) || items.length === 0) return this.add(where, 'must be a non-empty array');
    if (items.length > max) this.add(where, `has ${items.length} items (max ${max})`);
    items.forEach((item, i) => each(item, `${where}[${i}]`));
  }

  element(el: unknown, where: string): void {
    if (!isObj(el)) return this.add(where, 'element missing');
    const at = `${where} (${String(el.type)})`;
    this.id('action_id', el.action_id, at);
    if (el.placeholder !== undefined) this.text(el.placeholder, `${at}.placeholder`, LIMITS.placeholder, true);
    switch (el.type) {
      case 'button':
        this.text(el.text, `${at}.text`, LIMITS.buttonText, true);
        this.max(el.value, LIMITS.buttonValue, 'value', at);
        this.max(el.url, LIMITS.url, 'url', at);
        return;
      case 'static_select':
      case 'multi_static_select':
        return this.options(el, at);
      case 'plain_text_input':
        this.max(el.initial_value, LIMITS.textInputLength, 'initial_value', at);
        if (typeof el.max_length === 'number' && el.max_length > LIMITS.textInputLength) {
          this.add(at, `max_length ${el.max_length} (max ${LIMITS.textInputLength})`);
        }
        return;
      default:
        return;
    }
  }

  private options(el: Obj, at: string): void {
    const groups = Array.isArray(el.option_groups) ? el.option_groups.filter(isObj) : [];
    const options = Array.isArray(el.options)
      ? el.options
      : groups.flatMap((g) => (Array.isArray(g.options) ? (g.options as unknown[]) : []));
    this.list(options, `${at}.options`, LIMITS.selectOptions, (o, w) => {
      if (!isObj(o)) return this.add(w, 'option is not an object');
      this.text(o.text, `${w}.text`, LIMITS.optionText);
      if (typeof o.value !== 'string' || o.value === '') this.add(w, 'value must be a non-empty string');
      else this.max(o.value, LIMITS.optionValue, 'value', w);
    });
    const initial = el.initial_option;
    if (isObj(initial) && !options.some((o) => isObj(o) && o.value === initial.value)) {
      this.add(at, 'initial_option is not one of the options');
    }
  }
}

/**
 * Every limit we know, for a message or a view: human-readable violations, `[]` when fine.
 * Checks block counts, text lengths, element counts, IDs (length, uniqueness), select options,
 * modal title/submit/close, the total size of the blocks, and a message's fallback `text`.
 */
export function checkBlockKit(message: SlackMessage | View): string[] {
  const c = new Checker();
  const isView = 'type' in message;
  const blocks: unknown = message.blocks;
  if (!Array.isArray(blocks)) return ['blocks: must be an array'];
  const maxBlocks = isView ? LIMITS.viewBlocks : LIMITS.messageBlocks;
  if (blocks.length > maxBlocks) c.add('blocks', `${blocks.length} blocks (max ${maxBlocks})`);
  blocks.forEach((b, i) => c.block(b, `blocks[${i}]`));
  const size = JSON.stringify(blocks).length;
  if (size > LIMITS.blocksJson) c.add('blocks', `${size} characters of JSON (max ${LIMITS.blocksJson})`);

  if (isView) {
    const view = message as unknown as Obj;
    if (view.type === 'modal') {
      c.text(view.title, 'view.title', LIMITS.viewTitle, true);
      if (view.submit !== undefined) c.text(view.submit, 'view.submit', LIMITS.viewTitle, true);
      if (view.close !== undefined) c.text(view.close, 'view.close', LIMITS.viewTitle, true);
      const hasInput = blocks.some((b) => isObj(b) && b.type === 'input');
      if (hasInput && view.submit === undefined) c.add('view.submit', 'required when the view has input blocks');
    }
    if (len(view.private_metadata) > LIMITS.privateMetadata) {
      c.add('view.private_metadata', `${len(view.private_metadata)} characters (max ${LIMITS.privateMetadata})`);
    }
    if (len(view.callback_id) > LIMITS.id) c.add('view.callback_id', `${len(view.callback_id)} characters (max ${LIMITS.id})`);
  } else {
    const text: unknown = (message as SlackMessage).text;
    if (typeof text !== 'string' || text.trim() === '') c.add('text', 'fallback text is missing or empty');
  }
  return c.problems;
}
