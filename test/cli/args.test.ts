import { describe, expect, it } from 'vitest';
import { EXIT, MAX_CLI_BARCODES, exitCodeFor, parseArgs, type ParsedArgs, type UsageProblem } from '../../src/cli/args.js';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import { HttpStatusError, NetworkError, TimeoutError, ValidationError, VendorError, type CoufunError } from '../../src/coufun/errors.js';
import type { LookupMeta, LookupOutcome } from '../../src/lookup/types.js';

const GOODS = '0000133518';

function problemOf(parsed: ParsedArgs): UsageProblem {
  if (parsed.ok) throw new Error(`expected a usage problem, got ${JSON.stringify(parsed.command)}`);
  return parsed.problem;
}

describe('parseArgs: commands', () => {
  it('goods ID and barcodes, in order', () => {
    expect(parseArgs([GOODS, '001133518001'])).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['001133518001'], json: false } });
    expect(parseArgs([GOODS, 'B1', 'B2', 'B3'])).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['B1', 'B2', 'B3'], json: false } });
  });

  it('--json anywhere among the arguments', () => {
    for (const argv of [['--json', GOODS, 'B1'], [GOODS, '--json', 'B1'], [GOODS, 'B1', '--json']]) {
      expect(parseArgs(argv), argv.join(' ')).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['B1'], json: true } });
    }
  });

  it('trims values, so a pasted barcode with spaces around it is accepted', () => {
    expect(parseArgs([` ${GOODS} `, '\t001133518001 '])).toEqual({
      ok: true,
      command: { kind: 'lookup', goods: GOODS, barcodes: ['001133518001'], json: false },
    });
  });

  it('--help and -h win over everything else, even bad input', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseArgs(['-h'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseArgs(['--bogus', '--list', 'x', '쿠폰', '-h'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseArgs([])).not.toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('--list alone, optionally as JSON; not with arguments', () => {
    expect(parseArgs(['--list'])).toEqual({ ok: true, command: { kind: 'list', json: false } });
    expect(parseArgs(['--json', '--list'])).toEqual({ ok: true, command: { kind: 'list', json: true } });
    expect(problemOf(parseArgs(['--list', GOODS]))).toEqual({ kind: 'list_with_arguments' });
  });

  it('-- ends options: what follows is a value, even if it starts with a dash', () => {
    expect(parseArgs(['--', GOODS, '--json'])).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['--json'], json: false } });
    expect(parseArgs([GOODS, '--', '-B1'])).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['-B1'], json: false } });
    // A lone '-' is a value, not an option.
    expect(parseArgs([GOODS, '-'])).toEqual({ ok: true, command: { kind: 'lookup', goods: GOODS, barcodes: ['-'], json: false } });
  });
});

describe('parseArgs: usage problems', () => {
  it('the first unknown option is named', () => {
    expect(problemOf(parseArgs([GOODS, 'B1', '--verbose', '-x']))).toEqual({ kind: 'unknown_option', option: '--verbose' });
    expect(problemOf(parseArgs(['-B1', GOODS]))).toEqual({ kind: 'unknown_option', option: '-B1' });
  });

  it('missing goods ID or barcode', () => {
    expect(problemOf(parseArgs([]))).toEqual({ kind: 'missing_goods' });
    expect(problemOf(parseArgs(['--json']))).toEqual({ kind: 'missing_goods' });
    expect(problemOf(parseArgs([GOODS]))).toEqual({ kind: 'missing_barcode' });
  });

  it(`at most ${MAX_CLI_BARCODES} barcodes per run`, () => {
    const ten = Array.from({ length: MAX_CLI_BARCODES }, (_, i) => `B${i}`);
    expect(parseArgs([GOODS, ...ten]).ok).toBe(true);
    expect(problemOf(parseArgs([GOODS, ...ten, 'B10']))).toEqual({ kind: 'too_many_barcodes', given: 11, max: MAX_CLI_BARCODES });
  });

  it('reports every invalid value at once, in argument order, with barcode positions', () => {
    const tooLong = '0'.repeat(31);
    const problem = problemOf(parseArgs(['상품', 'OK-1', tooLong, '쿠폰', '  ']));
    if (problem.kind !== 'invalid') throw new Error(`expected invalid, got ${problem.kind}`);
    const summary = problem.values.map(({ error, barcodePosition }) => ({
      field: error.field,
      rule: error.rule,
      detail: error.detail,
      barcodePosition,
    }));
    expect(summary).toEqual([
      { field: 'GOODS_ID', rule: 'charset', detail: { char: '상' }, barcodePosition: undefined },
      { field: 'BARCODE_NUM', rule: 'max_bytes', detail: { limit: 30, actual: 31 }, barcodePosition: 2 },
      { field: 'BARCODE_NUM', rule: 'charset', detail: { char: '쿠' }, barcodePosition: 3 },
      { field: 'BARCODE_NUM', rule: 'required', detail: {}, barcodePosition: 4 },
    ]);
    for (const { error } of problem.values) expect(error).toBeInstanceOf(ValidationError);
    // An error carries the offending character or length, never the whole value.
    expect(JSON.stringify(problem)).not.toContain(tooLong);
  });

  it('accepts values exactly at the byte limits', () => {
    expect(parseArgs(['0'.repeat(10), '9'.repeat(30)]).ok).toBe(true);
    expect(problemOf(parseArgs(['0'.repeat(11), 'B1'])).kind).toBe('invalid');
  });
});

const META: LookupMeta = { env: 'sandbox', latencyMs: 5, cacheHit: false, answeredAt: 0 };
const found: LookupOutcome = { ok: true, goodsId: GOODS, barcode: 'B1', orders: [], vendorMessage: 'SUCCESS', meta: META };
const failed = (error: CoufunError): LookupOutcome => ({ ok: false, goodsId: GOODS, barcode: 'B2', error, meta: META });
const vendor16 = failed(new VendorError('16', 'no such coupon', resultCodeInfo('16')));
const invalid = failed(new ValidationError('BARCODE_NUM', 'required'));

describe('exitCodeFor', () => {
  it('0 when every barcode was found (and for no outcomes)', () => {
    expect(exitCodeFor([found, found])).toBe(EXIT.ok);
    expect(exitCodeFor([])).toBe(0);
  });

  it('1 for a vendor failure, 2 for invalid input, 3 for any transport failure', () => {
    expect(exitCodeFor([found, vendor16])).toBe(1);
    expect(exitCodeFor([invalid])).toBe(2);
    expect(exitCodeFor([failed(new TimeoutError(5000))])).toBe(3);
    expect(exitCodeFor([failed(new NetworkError('refused'))])).toBe(3);
    expect(exitCodeFor([failed(new HttpStatusError(500))])).toBe(3);
  });

  it('transport wins over invalid input, which wins over vendor, in any order', () => {
    const transport = failed(new HttpStatusError(502));
    expect(exitCodeFor([transport, vendor16, invalid, found])).toBe(EXIT.transport);
    expect(exitCodeFor([vendor16, invalid])).toBe(EXIT.usage);
    expect(exitCodeFor([invalid, vendor16])).toBe(EXIT.usage);
    expect(exitCodeFor([vendor16, found, transport])).toBe(EXIT.transport);
  });

  it('the documented numbers', () => {
    expect(EXIT).toEqual({ ok: 0, vendor: 1, usage: 2, transport: 3, internal: 70 });
  });
});
