/**
 * The lookup CLI's contract, pure: command-line arguments in (parsed and validated with the
 * protocol's own rules, so nothing invalid reaches the network), exit code out.
 */
import { validateField } from '../coufun/codec.js';
import { ValidationError, VendorError } from '../coufun/errors.js';
import type { LookupOutcome } from '../lookup/types.js';

/** At most this many barcodes per run. */
export const MAX_CLI_BARCODES = 10;

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

/** What the user asked for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly json: boolean }
  | { readonly kind: 'lookup'; readonly goods: string; readonly barcodes: readonly string[]; readonly json: boolean };

/** One invalid value, with its place among the arguments (1-based barcode position; absent for the goods ID). */
export interface InvalidValue {
  readonly error: ValidationError;
  readonly barcodePosition?: number;
}

/** Why the arguments cannot be run. */
export type UsageProblem =
  | { readonly kind: 'unknown_option'; readonly option: string }
  | { readonly kind: 'missing_goods' }
  | { readonly kind: 'missing_barcode' }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number }
  | { readonly kind: 'list_with_arguments' }
  | { readonly kind: 'invalid'; readonly values: readonly InvalidValue[] };

export type ParsedArgs = { readonly ok: true; readonly command: CliCommand } | { readonly ok: false; readonly problem: UsageProblem };

/**
 * Parse `argv` (without node and the script): `<goods> <barcode> [barcode…]`, options `--json`,
 * `--list`, `--help`/`-h`, and `--` to end options. `--help` wins over everything else. Every
 * invalid value is reported at once, in argument order.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let json = false;
  let list = false;
  let help = false;
  let unknown: string | undefined;
  let optionsEnded = false;
  for (const arg of argv) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg.trim());
    } else if (arg === '--') optionsEnded = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--json') json = true;
    else if (arg === '--list') list = true;
    else unknown ??= arg;
  }
  if (help) return { ok: true, command: { kind: 'help' } };
  if (unknown !== undefined) return fail({ kind: 'unknown_option', option: unknown });
  if (list) return positional.length > 0 ? fail({ kind: 'list_with_arguments' }) : { ok: true, command: { kind: 'list', json } };

  const [goods, ...barcodes] = positional;
  if (goods === undefined) return fail({ kind: 'missing_goods' });
  if (barcodes.length === 0) return fail({ kind: 'missing_barcode' });
  if (barcodes.length > MAX_CLI_BARCODES) return fail({ kind: 'too_many_barcodes', given: barcodes.length, max: MAX_CLI_BARCODES });

  const values: InvalidValue[] = [];
  const goodsError = validateField('GOODS_ID', goods);
  if (goodsError) values.push({ error: goodsError });
  barcodes.forEach((barcode, i) => {
    const error = validateField('BARCODE_NUM', barcode);
    if (error) values.push({ error, barcodePosition: i + 1 });
  });
  if (values.length > 0) return fail({ kind: 'invalid', values });
  return { ok: true, command: { kind: 'lookup', goods, barcodes, json } };
}

function fail(problem: UsageProblem): ParsedArgs {
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
