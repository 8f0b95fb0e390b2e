/**
 * `npm run lookup -- --file` end to end, in-process, against a sandbox on loopback standing in for
 * the vendor (it counts requests per number): a 1,000-row list → the CSV (BOM, Korean headers)
 * and the `.xlsx` (opened again with exceljs and compared cell by cell), the summary's figures,
 * the exit status; and every refusal that must send nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { startRecordingVendor } from '../support/recording-vendor.js';
import { captureIo } from './io.js';

let vendor: SandboxHandle;
let dir: string;
beforeAll(async () => {
  vendor = await startSandbox({ host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'bulk-cli-'));
});
afterAll(() => vendor.close());
beforeEach(() => vendor.resetStats());

const ENV = (extra: Record<string, string> = {}) => ({
  COUFUN_ENV: 'test',
  COUFUN_POC_ID: 'SANDBOX',
  COUFUN_URL: vendor.url,
  COUFUN_CACHE_TTL_MS: '0',
  COUPON_GOODS: '0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T;0000412290=교촌 허니콤보',
  ...extra,
});

async function lookup(argv: string[], env = ENV()) {
  const io = captureIo();
  const code = await run(argv, env, io);
  return { code, out: io.out(), err: io.err() };
}

/** The 1,000-row list and what each row must come back as. */
function thousandRows() {
  const lines = ['쿠폰번호,상품명,메모'];
  const expected: { given: string; kind: 'sim' | 'partly' | 'cancelled' | 'multi' | 'unknown' | 'damaged' }[] = [];
  const add = (given: string, goods: string, kind: (typeof expected)[number]['kind']) => {
    lines.push(`${given},${goods},x`);
    expected.push({ given, kind });
  };
  for (let i = 0; i < 1000; i += 1) {
    if (i % 100 === 1) add('0123-4567-8902', '배민 상품권 1만원', 'partly');
    else if (i % 100 === 2) add('001133518003', '0000133518', 'cancelled');
    else if (i % 100 === 3) add('004122900025', '교촌 허니콤보', 'multi');
    else if (i % 100 === 4) add('999999999999', '배민 상품권 1만원', 'unknown');
    else if (i % 100 === 5) add(i % 200 === 5 ? '12345678901' : '1.23457E+11', '배민 상품권 1만원', 'damaged');
    // Every tenth synthetic number is listed twice (a duplicate is asked once).
    else add(`SIM${String(i - (i % 10 === 9 ? 1 : 0)).padStart(8, '0')}`, '배민 상품권 1만원', 'sim');
  }
  return { csv: `${lines.join('\r\n')}\r\n`, expected };
}

describe('bulk terminal: a 1,000-row list against the sandbox', () => {
  const list = thousandRows();
  const distinct = new Set(list.expected.filter((e) => e.kind !== 'damaged').map((e) => e.given.replace(/-/g, ''))).size;

  it('CSV: BOM, one row per (input row, order) in order, every cell as expected, the summary adds up, exit 1 for the error rows', async () => {
    const file = join(dir, 'thousand.csv');
    writeFileSync(file, list.csv);
    const r = await lookup(['--file', file, '--rate', '500', '--concurrency', '16', '--json']);
    expect(r.code).toBe(1);
    expect(vendor.requestCount()).toBe(distinct);
    const bytes = readFileSync(join(dir, 'thousand.result.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(table[0]).toEqual([
      '행',
      '상품 ID',
      '상품명',
      '쿠폰번호',
      '판정',
      '사유',
      '상태',
      '유형',
      '잔액',
      '총 금액',
      '유효기간',
      '주문일',
      '교환일시',
      '취소일시',
      '수신번호',
      '결과 코드',
      '결과 메시지',
    ]);
    const rows = table.slice(1);
    // Three orders for each multi-order number: two extra rows for each of its ten.
    expect(rows).toHaveLength(1000 + 10 * 2);
    const byRow = new Map<number, string[][]>();
    for (const row of rows) byRow.set(Number(row[0]), [...(byRow.get(Number(row[0])) ?? []), row]);
    expect([...byRow.keys()]).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    list.expected.forEach((e, i) => {
      const got = byRow.get(i + 2)!;
      const [first] = got;
      expect(first![3], `row ${i + 2}`).toBe(e.given);
      switch (e.kind) {
        case 'sim':
          expect(first!.slice(4, 6)).toEqual(['사용 가능', '']);
          expect(first![8]).toBe(first![9]);
          expect(first![14]).toMatch(/^010-\*\*\*\*-\d{4}$/);
          expect(first![15]).toBe('00');
          break;
        case 'partly':
          expect(first!.slice(1, 10)).toEqual([
            '0000999999',
            '배민 상품권 1만원',
            '0123-4567-8902',
            '사용 가능',
            '부분 사용',
            '부분 사용',
            '금액권',
            '2500',
            '10000',
          ]);
          expect(first![14]).toBe('010-****-5432');
          break;
        case 'cancelled':
          expect(first!.slice(4, 6)).toEqual(['사용 불가', expect.stringMatching(/^취소됨 \(\d{4}-\d\d-\d\d \d\d:\d\d\)$/)]);
          break;
        case 'multi':
          expect(got.map((g) => g[4])).toEqual(['사용 가능', '사용 불가', '사용 불가']);
          break;
        case 'unknown':
          expect([first![4], first![15]]).toEqual(['오류', '16']);
          break;
        case 'damaged':
          expect([first![4], first![15]]).toEqual(['오류', 'EXCEL_DAMAGED']);
          expect(first![5]).toMatch(/텍스트/);
          break;
      }
    });
    const { summary } = JSON.parse(r.out) as { summary: Record<string, any> };
    const count = (kind: string) => list.expected.filter((e) => e.kind === kind).length;
    expect(summary.verdicts).toEqual({
      usable: count('sim') + count('partly') + count('multi'),
      unusable: count('cancelled') + 2 * count('multi'),
      check: 0,
      error: count('unknown') + count('damaged'),
    });
    expect(summary.errors).toEqual({ '16': count('unknown'), EXCEL_DAMAGED: count('damaged') });
    expect(summary.refused).toBe(count('damaged'));
    expect(summary).toMatchObject({ inputRows: 1000, resultRows: 1020, distinctItems: distinct, outcome: 'completed', requests: distinct });
    expect(summary.verdicts.usable + summary.verdicts.unusable + summary.verdicts.check + summary.verdicts.error).toBe(summary.resultRows);
    // The balance of each distinct usable voucher, once.
    const balances = new Map(rows.filter((row) => row[4] === '사용 가능' && row[8] !== '').map((row) => [row[3], Number(row[8])]));
    expect(summary.usableBalanceWon).toBe([...balances.values()].reduce((a, b) => a + b, 0));
    expect(existsSync(join(dir, 'thousand.result.csv.journal'))).toBe(false);
  });

  it('.xlsx: the same cells as the CSV (numbers as text cells, amounts as numbers), the summary on a second sheet', async () => {
    const file = join(dir, 'thousand.csv');
    const csvOut = join(dir, 'thousand.result.csv');
    const out = join(dir, 'thousand.xlsx');
    const r = await lookup(['--file', file, '--out', out, '--rate', '500', '--concurrency', '16']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/사용 가능 금액권 잔액 합계\s+[\d,]+원/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const [sheet, second] = book.worksheets;
    expect(sheet!.name).toBe('조회 결과');
    const csv = parse(readFileSync(csvOut).subarray(3).toString('utf8')) as string[][];
    expect(sheet!.rowCount).toBe(csv.length);
    csv.forEach((csvRow, r0) => {
      const row = sheet!.getRow(r0 + 1);
      csvRow.forEach((text, c0) => {
        const cell = row.getCell(c0 + 1);
        const value = cell.value === null ? '' : String(cell.value);
        expect(value, `row ${r0 + 1} col ${c0 + 1}`).toBe(text);
        if (r0 > 0 && (c0 === 8 || c0 === 9) && text !== '') expect(cell.type).toBe(ExcelJS.ValueType.Number);
        if (r0 > 0 && c0 === 3) expect(cell.type).toBe(ExcelJS.ValueType.String);
      });
    });
    expect(second!.name).toBe('요약');
    expect(second!.getColumn(1).values).toContain('사용 가능 금액권 잔액 합계');
  });
});

describe('bulk terminal: refusals send nothing', () => {
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it.each([
    [
      'an existing result without --force or --resume',
      () => ['--file', write('a.csv', '쿠폰번호\n012345678901\n'), '--goods', '0000999999', '--out', write('a.result.csv', 'old')],
      /--force/,
    ],
    ['a rate past its bounds', () => ['--file', write('b.csv', 'x'), '--rate', '100000'], /--rate/],
    ['a list with no goods', () => ['--file', write('c.csv', '쿠폰번호\n012345678901\n')], /--goods/],
    ['a file that is not there', () => ['--file', join(dir, 'none.csv')], /파일이 없습니다/],
    [
      '--resume with nothing to resume',
      () => ['--file', write('d.csv', '쿠폰번호\n012345678901\n'), '--goods', '0000999999', '--resume'],
      /이어서 할 기록/,
    ],
    [
      'too many rows',
      () => ['--file', write('e.csv', `쿠폰번호\n${'SIM00000001\n'.repeat(11)}`), '--goods', '0000999999'],
      /BULK_MAX_ITEMS/,
    ],
    ['only damaged numbers', () => ['--file', write('f.csv', '쿠폰번호\n1.23457E+11\n'), '--goods', '0000999999'], /지수 표기/],
  ])('%s: exit 2, a clear message, nothing sent', async (_name, argv, message) => {
    const r = await lookup(argv(), ENV({ BULK_MAX_ITEMS: '10' }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(vendor.requestCount()).toBe(0);
  });

  it('--force overwrites; English headers with --lang en', async () => {
    const file = write('g.csv', 'barcode,goods\n012345678902,0000999999\n');
    write('g.result.csv', 'old');
    const r = await lookup(['--file', file, '--force', '--lang', 'en']);
    expect(r.code).toBe(0);
    const table = parse(readFileSync(join(dir, 'g.result.csv')).subarray(3).toString('utf8')) as string[][];
    expect(table[0]!.slice(0, 6)).toEqual(['Row', 'Goods ID', 'Product', 'Coupon number', 'Verdict', 'Reason']);
    expect(table[1]!.slice(4, 6)).toEqual(['Usable', 'partly used']);
  });
});

describe('bulk terminal: the sample list shipped in examples/', () => {
  it.each([['examples/coupons.csv'], ['examples/coupons.xlsx']])(
    '%s: checked against the built-in sandbox, a result Excel opens',
    async (sample) => {
      const out = join(dir, `sample-${sample.endsWith('xlsx') ? 'x' : 'c'}.xlsx`);
      const io = captureIo();
      // The sample has damaged and unknown numbers on purpose: some rows end in errors (exit 1).
      const code = await run(['--file', sample, '--out', out], { BULK_RATE_PER_SECOND: '200', BULK_CONCURRENCY: '8' }, io);
      expect(code).toBe(1);
      expect(io.err()).toContain('※ 샌드박스');
      expect(io.out()).toMatch(/판정\s+사용 가능 \d+ · 사용 불가 \d+ · 확인 필요 1 · 오류 4/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
      const codes = rows.map((r) => r[16]);
      expect(codes.filter((c) => c === 'EXCEL_DAMAGED')).toHaveLength(3);
      expect(codes.filter((c) => c === '16')).toHaveLength(1);
    },
  );
});

describe('bulk terminal: a vendor that stops answering', () => {
  it('stops after BULK_STALL_MS with what it has, says why and how to resume, exit 3', async () => {
    const down = await startRecordingVendor({ answer: (n) => (n <= 3 ? { kind: 'ok' } : { kind: 'http500' }) });
    try {
      const file = join(dir, 'stall.csv');
      writeFileSync(file, `쿠폰번호\n${Array.from({ length: 30 }, (_, i) => `SIM0000${String(i).padStart(4, '0')}`).join('\n')}\n`);
      const r = await lookup(
        ['--file', file, '--goods', '0000999999', '--rate', '100'],
        ENV({ COUFUN_URL: down.url, BULK_STALL_MS: '1000', COUFUN_TIMEOUT_MS: '500' }),
      );
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/쿠펀이 응답하지 않아 조회를 멈췄습니다/);
      expect(r.err).toMatch(/--resume/);
      expect(r.out).toMatch(/결과\s+중단 \(쿠펀 응답 없음\)/);
      const table = parse(readFileSync(join(dir, 'stall.result.csv')).subarray(3).toString('utf8')) as string[][];
      expect(table.slice(1).filter((row) => row[15] === '00')).toHaveLength(3);
      expect(existsSync(join(dir, 'stall.result.csv.journal'))).toBe(true);
    } finally {
      await down.close();
    }
  });
});
