/**
 * `:shortcode:` → Unicode, from emojibase-data's iamcal shortcode set (the emoji-data set
 * Slack itself uses), so names match what Slack shows. Loaded once, lazily.
 */
import { createRequire } from 'node:module';

type ShortcodeFile = Record<string, string | string[]>;

let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const data = require('emojibase-data/en/shortcodes/iamcal.json') as ShortcodeFile;
  const map = new Map<string, string>();
  for (const [hexcode, names] of Object.entries(data)) {
    const emoji = fromHexcode(hexcode);
    for (const name of Array.isArray(names) ? names : [names]) if (!map.has(name)) map.set(name, emoji);
  }
  return map;
}

/** `1F44D` or `1F3F3-FE0F-200D-1F308` → the characters; a lone text-default symbol gets VS16. */
function fromHexcode(hexcode: string): string {
  const points = hexcode.split('-').map((h) => Number.parseInt(h, 16));
  const [only] = points;
  if (points.length === 1 && only !== undefined && only < 0x1f000) points.push(0xfe0f);
  return String.fromCodePoint(...points);
}

/** The emoji for a shortcode name (without colons), or undefined when Slack would not know it. */
export function emojiFor(name: string): string | undefined {
  table ??= load();
  return table.get(name.toLowerCase());
}

const SKIN = ['', '', '\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];

/**
 * Replace `:name:` (and `:name::skin-tone-N:`) in `text` by emoji; unknown names stay as typed.
 * The text may be HTML-escaped already: names are `[a-z0-9_+-]`, which escaping leaves alone.
 */
export function replaceShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/gi, (whole, name: string, tone: string | undefined) => {
    const emoji = emojiFor(name);
    if (emoji === undefined) return whole;
    return tone ? `${emoji.replace(/\uFE0F$/, '')}${SKIN[Number(tone)]}` : emoji;
  });
}
