import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog } from '../../src/config/catalog.js';
import { EXIT, MAX_CLI_BARCODES, exitCodeFor, parseCliArgs, readLookupWords, type UsageProblem } from '../../src/cli/args.js';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import { HttpStatusError, NetworkError, TimeoutError, ValidationError, VendorError, type CoufunError } from '../../src/coufun/errors.js';
import { MAX_BARCODES } from '../../src/config/limits.js';
import type { LookupMeta, LookupOutcome } from '../../src/lookup/types.js';

const GOODS = '0000133518';
const { catalog: CATALOG } = parseCatalog('0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T');

function problemOf(parsed: { ok: true } | { ok: false; problem: UsageProblem }): UsageProblem {
  if (parsed.ok) throw new Error(`expected a usage problem, got ${JSON.stringify(parsed)}`);
  return parsed.problem;
}

const lookupOf = (words: string[], json = false, reveal = false) => ({ ok: true, value: { kind: 'lookup', words, json, reveal } });

describe('parseCliArgs: options (node:util parseArgs)', () => {
  it('positionals in order, options anywhere', () => {
    expect(parseCliArgs([GOODS, 'B1', 'B2'])).toEqual(lookupOf([GOODS, 'B1', 'B2']));
    for (const argv of [
      ['--json', GOODS, 'B1'],
      [GOODS, '--json', 'B1'],
      [GOODS, 'B1', '--json'],
    ]) {
      expect(parseCliArgs(argv), argv.join(' ')).toEqual(lookupOf([GOODS, 'B1'], true));
    }
    expect(parseCliArgs(['--reveal', GOODS, 'B1'])).toEqual(lookupOf([GOODS, 'B1'], false, true));
  });

  it('--help and -h win over everything else, even bad input', () => {
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseCliArgs(['-h'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseCliArgs(['--bogus', '--list', 'x', '쿠폰', '-h'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseCliArgs([])).toEqual(lookupOf([]));
  });

  it('--list alone, optionally as JSON; not with arguments', () => {
    expect(parseCliArgs(['--list'])).toEqual({ ok: true, value: { kind: 'list', json: false } });
    expect(parseCliArgs(['--json', '--list'])).toEqual({ ok: true, value: { kind: 'list', json: true } });
    expect(problemOf(parseCliArgs(['--list', GOODS]))).toEqual({ kind: 'list_with_arguments' });
  });

  it('-- ends options: what follows is a value, even if it starts with a dash', () => {
    expect(parseCliArgs(['--', GOODS, '--json'])).toEqual(lookupOf([GOODS, '--json']));
    expect(parseCliArgs([GOODS, '--', '-B1'])).toEqual(lookupOf([GOODS, '-B1']));
    expect(parseCliArgs([GOODS, '-'])).toEqual(lookupOf([GOODS, '-']));
  });

  it('names the first unknown option as typed, and refuses a value on a flag', () => {
    expect(problemOf(parseCliArgs([GOODS, 'B1', '--verbose', '-x']))).toEqual({ kind: 'unknown_option', option: '--verbose' });
    expect(problemOf(parseCliArgs(['-x', GOODS]))).toEqual({ kind: 'unknown_option', option: '-x' });
    expect(problemOf(parseCliArgs(['--json=yes', GOODS, 'B1']))).toEqual({ kind: 'option_value', option: '--json' });
  });
});

describe('readLookupWords: the same reading as /coupon', () => {
  const read = (words: string[]) => readLookupWords(words, CATALOG);

  it('a hyphenated number is one number without its hyphens', () => {
    expect(read(['0000999999', '0123-4567-8902'])).toEqual({
      ok: true,
      value: { kind: 'lookup', goods: { goodsId: '0000999999', name: '배민 상품권 1만원' }, barcodes: ['012345678902'] },
    });
  });

  it('a number typed in groups as separate words is one number, quoted or not', () => {
    const expected = {
      ok: true,
      value: { kind: 'lookup', goods: { goodsId: '0000999999', name: '배민 상품권 1만원' }, barcodes: ['012345678902'] },
    };
    expect(read(['0000999999', '0123', '4567', '8902'])).toEqual(expected);
    expect(read(['0000999999', '0123 4567 8902'])).toEqual(expected);
  });

  it('full-width digits read as ASCII, in the goods and the number', () => {
    expect(read(['００００９９９９９９', '０１２３４５６７８９０２'])).toMatchObject({
      ok: true,
      value: { goods: { goodsId: '0000999999' }, barcodes: ['012345678902'] },
    });
  });

  it('a catalog name stands for its goods ID, as one quoted word or several', () => {
    for (const words of [
      ['배민 상품권 1만원', '012345678902'],
      ['배민', '상품권', '1만원', '012345678902'],
      ['스타벅스 아메리카노 t', '012345678902'],
    ]) {
      const parsed = read(words);
      expect(parsed.ok && parsed.value.kind === 'lookup' && parsed.value.goods.goodsId, words.join(' ')).toBe(
        words[0]!.startsWith('스타') ? '0000133518' : '0000999999',
      );
    }
  });

  it('an unknown goods is taken as a raw ID and checked by the protocol rule', () => {
    expect(read(['0000777777', '012345678902'])).toMatchObject({ ok: true, value: { goods: { goodsId: '0000777777' } } });
    const problem = problemOf(readLookupWords(['상품', '012345678902'], EMPTY_CATALOG));
    expect(problem).toMatchObject({ kind: 'invalid', error: { field: 'GOODS_ID', rule: 'charset' } });
    expect(problem.kind === 'invalid' && problem.position).toBeUndefined();
  });

  it('missing goods, missing number, a lone help word', () => {
    expect(problemOf(read([]))).toEqual({ kind: 'missing_goods' });
    expect(problemOf(read(['  ']))).toEqual({ kind: 'missing_goods' });
    expect(problemOf(read([GOODS]))).toEqual({ kind: 'missing_barcode' });
    expect(read(['help'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it(`at most ${MAX_CLI_BARCODES} distinct numbers, the same limit as /coupon`, () => {
    expect(MAX_CLI_BARCODES).toBe(MAX_BARCODES);
    const max = Array.from({ length: MAX_CLI_BARCODES }, (_, i) => `BARCODE${i}X`);
    expect(read([GOODS, ...max]).ok).toBe(true);
    expect(problemOf(read([GOODS, ...max, 'BARCODE9Y']))).toEqual({
      kind: 'too_many_barcodes',
      given: MAX_CLI_BARCODES + 1,
      max: MAX_CLI_BARCODES,
    });
  });

  it('an invalid number is named by position, with the offending character or length, never the value', () => {
    const tooLong = '0'.repeat(31);
    const long = problemOf(read([GOODS, '012345678902', tooLong]));
    expect(long).toMatchObject({
      kind: 'invalid',
      position: 2,
      error: { field: 'BARCODE_NUM', rule: 'max_bytes', detail: { limit: 30, actual: 31 } },
    });
    expect(long.kind === 'invalid' && long.error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify(long)).not.toContain(tooLong);
    expect(problemOf(read([GOODS, '쿠폰']))).toMatchObject({
      kind: 'invalid',
      position: 1,
      error: { rule: 'charset', detail: { char: '쿠' } },
    });
  });

  it('accepts values exactly at the byte limits', () => {
    expect(readLookupWords(['0'.repeat(10), '9'.repeat(30)], EMPTY_CATALOG).ok).toBe(true);
    expect(problemOf(readLookupWords(['0'.repeat(11), 'B1234567'], EMPTY_CATALOG)).kind).toBe('invalid');
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
