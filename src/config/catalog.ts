/**
 * The goods catalog (`COUPON_GOODS`): which GOODS_IDs the team sells and what to call them.
 * `ID=Name` pairs separated by `;`. Names label cards; IDs and names are accepted wherever goods
 * are typed. Pure: parsing collects problems instead of throwing, for the config loader to list.
 */
import type { EnvReader } from './env.js';
import { SANDBOX_GOODS } from '../coufun/environments.js';
import type { CoufunEnv } from '../coufun/types.js';
// GOODS_ID as a request may carry it (10 bytes, conservative ASCII): the codec's own rule.
import { validateField } from '../coufun/validate.js';
import { normaliseTyped } from '../text/typed.js';

/** One sold product: the vendor's GOODS_ID and the team's name for it. */
export interface GoodsEntry {
  readonly id: string;
  readonly name: string;
}

export interface Catalog {
  readonly entries: readonly GoodsEntry[];
  /**
   * Exact ID (case-sensitive), else exact name (case-insensitive, whitespace-normalised) → entry;
   * unknown → null. No prefix matching, to avoid surprises. An ID wins over an equal name.
   */
  find(input: string): GoodsEntry | null;
  /** The name for a goods ID, or undefined when the catalog does not know it. */
  nameOf(goodsId: string): string | undefined;
}

/** What typed goods resolve to: a catalog entry, or a raw goods ID (validated later by the protocol). */
export interface ResolvedGoods {
  readonly goodsId: string;
  readonly name?: string;
}

const MAX_NAME_CHARS = 100;

/** How names are compared: NFC, whitespace collapsed, lower-cased. */
export function nameKey(name: string): string {
  return normaliseName(name).toLowerCase();
}

/** A name as stored and shown: NFC, trimmed, inner whitespace collapsed to one space. */
function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function buildCatalog(entries: readonly GoodsEntry[]): Catalog {
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const byName = new Map(entries.map((e) => [nameKey(e.name), e] as const));
  return Object.freeze({
    entries: Object.freeze([...entries]),
    find(input: string): GoodsEntry | null {
      const trimmed = input.trim();
      if (trimmed === '') return null;
      return byId.get(trimmed) ?? byName.get(nameKey(trimmed)) ?? null;
    },
    nameOf(goodsId: string): string | undefined {
      return byId.get(goodsId)?.name;
    },
  });
}

/** The catalog used when `COUPON_GOODS` is unset: goods IDs are shown as they are. */
export const EMPTY_CATALOG: Catalog = buildCatalog([]);

/**
 * Parse `COUPON_GOODS`. Unset or blank → the empty catalog. Each problem is one sentence naming
 * the entry's position (counting non-empty entries from 1); entries with a problem are left out.
 */
export function parseCatalog(raw: string | undefined): { catalog: Catalog; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw.trim() === '') return { catalog: EMPTY_CATALOG, problems };

  const entries: GoodsEntry[] = [];
  const idSeenAt = new Map<string, number>();
  const nameSeenAt = new Map<string, number>();
  const segments = raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

  segments.forEach((segment, index) => {
    const position = index + 1;
    const where = `Entry ${position} ("${preview(segment)}")`;
    const eq = segment.indexOf('=');
    if (eq < 0) {
      problems.push(`${where} has no "=": write each entry as ID=Name.`);
      return;
    }
    const id = segment.slice(0, eq).trim();
    const name = normaliseName(segment.slice(eq + 1));
    const found: string[] = [];
    if (id === '') found.push(`${where} has an empty ID.`);
    else if (validateField('GOODS_ID', id) !== null) {
      found.push(`${where} has ID "${preview(id)}", which is not 1–10 ASCII letters, digits, "-" or "_".`);
    }
    if (name === '') found.push(`${where} has an empty name.`);
    else if ([...name].length > MAX_NAME_CHARS) found.push(`${where} has a name longer than ${MAX_NAME_CHARS} characters.`);

    const firstId = idSeenAt.get(id);
    if (id !== '' && firstId !== undefined) found.push(`${where} repeats the ID "${id}" of entry ${firstId}.`);
    const key = nameKey(name);
    const firstName = nameSeenAt.get(key);
    if (name !== '' && firstName !== undefined) {
      found.push(`${where} repeats the name of entry ${firstName} (names are compared ignoring case and spacing).`);
    }
    if (id !== '' && firstId === undefined) idSeenAt.set(id, position);
    if (name !== '' && firstName === undefined) nameSeenAt.set(key, position);

    if (found.length > 0) problems.push(...found);
    else entries.push(Object.freeze({ id, name }));
  });

  return { catalog: buildCatalog(entries), problems };
}

/**
 * `COUPON_GOODS` as the bot and the terminal both read it: unset on the built-in sandbox means
 * the sandbox's own products, so demo cards carry names and names can be typed, as they would be
 * with a real catalog. Problems go to the reader (prefixed `COUPON_GOODS:`), to be listed with
 * every other configuration problem.
 */
export function readCatalog(r: EnvReader, coufunEnv: CoufunEnv): Catalog {
  const raw = r.str('COUPON_GOODS') ?? (coufunEnv === 'sandbox' ? SANDBOX_GOODS.map((g) => `${g.id}=${g.name}`).join(';') : undefined);
  const { catalog, problems } = parseCatalog(raw);
  r.problems.push(...problems.map((p) => `COUPON_GOODS: ${p}`));
  return catalog;
}

/**
 * Typed goods (full-width characters read as ASCII) → a catalog entry's ID and name, else the
 * input taken as a raw goods ID (validated later by the protocol).
 */
export function resolveGoods(catalog: Catalog, input: string): ResolvedGoods {
  // Full-width digits from a Korean IME read as the ASCII ID they look like, as in `/coupon`.
  const typed = normaliseTyped(input).trim();
  const entry = catalog.find(typed);
  return entry ? { goodsId: entry.id, name: entry.name } : { goodsId: typed };
}

/** Short enough for a one-line problem; goods IDs and names are not secret. */
function preview(text: string): string {
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 39).join('')}…`;
}
