/**
 * The lookup CLI's contract, pure: command-line arguments in, a command or a usage problem out,
 * and the exit code for a run's outcomes. Options are read by `node:util` `parseArgs`; the
 * goods and coupon numbers are read exactly as `/coupon` reads its text (`parseCouponCommand`),
 * so the terminal and Slack accept the same input and nothing invalid reaches the network.
 */
import { parseArgs } from 'node:util';
import type { Catalog } from '../config/catalog.js';
import { ValidationError, VendorError } from '../coufun/errors.js';
import { parseCouponCommand, type GoodsChoice } from '../input/command-text.js';
import { MAX_BARCODES } from '../config/limits.js';
import type { LookupOutcome } from '../lookup/types.js';

/** At most this many barcodes per run: the same limit as `/coupon`. */
export const MAX_CLI_BARCODES = MAX_BARCODES;

/** Exit codes, documented in `--help`. */
export const EXIT = {
  /** Every barcode was found. */
  ok: 0,
  /** Coufun answered with a failure code for at least one barcode. */
  vendor: 1,
  /** Bad arguments, invalid goods ID or barcode, or bad configuration. */
  usage: 2,
  /** Coufun could not be reached or answered unreadably (wins over `vendor`). */
  transport: 3,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

/** What the options ask for; a lookup's words are read later, against the catalog. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly json: boolean }
  | {
      readonly kind: 'lookup';
      /** The positional arguments: goods (ID or catalog name) then coupon numbers, as typed. */
      readonly words: readonly string[];
      readonly json: boolean;
      /** Show coupon numbers in full (default: masked to their last four characters). */
      readonly reveal: boolean;
    };

/** A lookup ready to run (what `/coupon` would look up for the same text), or a lone `help`. */
export type LookupRequest =
  | { readonly kind: 'lookup'; readonly goods: GoodsChoice; readonly barcodes: readonly string[] }
  | { readonly kind: 'help' };

/** Why the arguments cannot be run. */
export type UsageProblem =
  | { readonly kind: 'unknown_option'; readonly option: string }
  | { readonly kind: 'option_value'; readonly option: string }
  | { readonly kind: 'missing_goods' }
  | { readonly kind: 'missing_barcode' }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number }
  | { readonly kind: 'list_with_arguments' }
  /** `position` is the coupon number's place (1-based); absent for the goods. */
  | { readonly kind: 'invalid'; readonly error: ValidationError; readonly position?: number };

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: UsageProblem };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  reveal: { type: 'boolean' },
} as const;

/**
 * Parse `argv` (without node and the script): options `--json`, `--reveal`, `--list`,
 * `--help`/`-h` anywhere, `--` to end options. `--help` wins over everything else.
 */
export function parseCliArgs(argv: readonly string[]): Parsed<CliCommand> {
  // Not strict: an unknown option becomes a token we name ourselves, in Korean, not a TypeError.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help === true) return ok({ kind: 'help' });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!(token.name in OPTIONS)) return fail({ kind: 'unknown_option', option: token.rawName });
    if (token.value !== undefined) return fail({ kind: 'option_value', option: token.rawName });
  }
  const json = values.json === true;
  if (values.list === true) return positionals.length > 0 ? fail({ kind: 'list_with_arguments' }) : ok({ kind: 'list', json });
  return ok({ kind: 'lookup', words: positionals, json, reveal: values.reveal === true });
}

/**
 * The positional words → goods and coupon numbers, by `/coupon`'s own reading: the words are
 * joined with spaces (so `0123 4567 8902` typed unquoted is one number, as in Slack), hyphens
 * and full-width digits are normalised, and a catalog name may stand for its goods ID.
 */
export function readLookupWords(words: readonly string[], catalog: Catalog): Parsed<LookupRequest> {
  const text = words.join(' ');
  if (text.trim() === '') return fail({ kind: 'missing_goods' });
  const command = parseCouponCommand(text, catalog);
  switch (command.kind) {
    case 'lookup':
      return ok({ kind: 'lookup', goods: command.goods, barcodes: command.barcodes });
    case 'help':
      // A lone `help`, `도움말` or `?`, as `/coupon help`.
      return ok({ kind: 'help' });
    case 'missing_barcode':
      return fail({ kind: 'missing_barcode' });
    case 'too_many_barcodes':
      return fail({ kind: 'too_many_barcodes', given: command.given, max: command.max });
    case 'invalid':
      return fail(
        command.position === undefined
          ? { kind: 'invalid', error: command.error }
          : { kind: 'invalid', error: command.error, position: command.position },
      );
  }
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(problem: UsageProblem): Parsed<T> {
  return { ok: false, problem };
}

/**
 * The exit code for a run's outcomes: a transport failure (3) wins over invalid input (2), which
 * wins over a vendor failure (1); 0 when every barcode was found.
 */
export function exitCodeFor(outcomes: readonly LookupOutcome[]): number {
  let code: number = EXIT.ok;
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const e = outcome.error;
    const own = e instanceof ValidationError ? EXIT.usage : e instanceof VendorError ? EXIT.vendor : EXIT.transport;
    // The codes are numbered in order of precedence.
    code = Math.max(code, own);
  }
  return code;
}
