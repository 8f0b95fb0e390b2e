/**
 * The reader against files as people make them: CSV in every encoding Korean Excel and others
 * write, TSV, plain text, and `.xlsx` files written here by a real spreadsheet library; header
 * synonyms, no header, goods by ID, name and default; Excel-damaged numbers as row errors; limits.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/config/catalog.js';
import { planList } from '../../../src/bulk/plan.js';
import { readList, type ReadOptions, type ReadOutcome } from '../../../src/bulk/read/reader.js';

const { catalog } = parseCatalog('0000999999=배민 상품권 1만원;0000133518=스타벅스 아메리카노 T');
const OPTIONS: ReadOptions = { catalog, maxItems: 100, maxFileBytes: 1024 * 1024 };
const KOREAN_CSV = '쿠폰번호,상품명,메모\r\n012345678901,배민 상품권 1만원,김철수 고객\r\n0123-4567-8902,배민 상품권 1만원,환불 요청\r\n';

const ok = (r: ReadOutcome) => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r.list;
};
const read = (bytes: Uint8Array | string, name: string, extra: Partial<ReadOptions> = {}) =>
  readList(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, name, { ...OPTIONS, ...extra });

async function xlsx(rows: unknown[][], setup?: (sheet: ExcelJS.Worksheet) => void, sheetName = 'Sheet1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reader: encodings', () => {
  const expected = [
    { row: 2, given: '012345678901', barcode: '012345678901', goodsId: '0000999999', goodsName: '배민 상품권 1만원' },
    { row: 3, given: '0123-4567-8902', barcode: '012345678902', goodsId: '0000999999', goodsName: '배민 상품권 1만원' },
  ];
  it.each([
    ['UTF-8', Buffer.from(KOREAN_CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(KOREAN_CSV, 'utf8')]), 'utf-8-bom'],
    ['CP949 (Korean Excel, no BOM)', iconv.encode(KOREAN_CSV, 'cp949'), 'cp949'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(KOREAN_CSV, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.of(0xfe, 0xff), iconv.encode(KOREAN_CSV, 'utf-16be')]), 'utf-16be'],
  ])('%s: Korean headers and names read without mojibake', async (_name, bytes, encoding) => {
    const list = ok(await read(bytes, 'list.csv'));
    expect(list.encoding).toBe(encoding);
    expect(list.columns.names).toEqual({ barcode: '쿠폰번호', goods: '상품명' });
    expect(list.rows).toEqual(expected);
    expect(list.refused).toEqual([]);
  });

  it('a CP949-only syllable (똠) survives', async () => {
    const list = ok(await read(iconv.encode('바코드,상품\r\n007770010001,0000777001 똠\r\n', 'cp949'), 'l.csv'));
    expect(list.encoding).toBe('cp949');
    expect(list.refused[0]?.problem.kind ?? 'none').toBe('invalid_goods');
  });

  it('TSV, and a .csv that Excel wrote with semicolons', async () => {
    const tsv = ok(await read('BARCODE_NUM\tGOODS_ID\n012345678901\t0000999999\n', 'l.tsv'));
    expect(tsv.rows.map((r) => [r.barcode, r.goodsId])).toEqual([['012345678901', '0000999999']]);
    const semi = ok(await read('barcode;goods\n012345678901;0000999999\n', 'l.csv'));
    expect(semi.rows.map((r) => r.barcode)).toEqual(['012345678901']);
  });

  it('.txt: one coupon per line, or `goods number` as /coupon reads it', async () => {
    const list = ok(
      await read('012345678901\n배민 상품권 1만원 0123 4567 8902\n\n0000133518 001133518001\n', 'l.txt', { goods: '0000999999' }),
    );
    expect(list.rows.map((r) => [r.row, r.barcode, r.goodsId])).toEqual([
      [1, '012345678901', '0000999999'],
      [2, '012345678902', '0000999999'],
      [4, '001133518001', '0000133518'],
    ]);
  });
});

describe('reader: columns and goods', () => {
  it.each([['쿠폰 번호'], ['Barcode'], ['barcode_num'], ['BARCODE NUM'], ['쿠폰'], ['바코드']])(
    'header %s is the coupon column',
    async (h) => {
      const list = ok(await read(`메모,${h}\nx,012345678901\n`, 'l.csv', { goods: '0000999999' }));
      expect(list.rows[0]?.barcode).toBe('012345678901');
    },
  );

  it('no header: the first column that reads as coupon numbers, and a catalog column beside it', async () => {
    const list = ok(await read('김철수,012345678901,배민 상품권 1만원\n이영희,001133518001,0000133518\n', 'l.csv'));
    expect(list.columns).toMatchObject({ barcode: 1, goods: 2, headerRow: null });
    expect(list.rows.map((r) => [r.row, r.goodsId])).toEqual([
      [1, '0000999999'],
      [2, '0000133518'],
    ]);
  });

  it('goods by ID, by name, from --goods; a row’s own goods wins', async () => {
    const list = ok(
      await read('쿠폰번호,상품\n012345678901,0000999999\n001133518001,스타벅스 아메리카노 T\n012345678902,\n', 'l.csv', {
        goods: '0000133518',
      }),
    );
    expect(list.rows.map((r) => r.goodsId)).toEqual(['0000999999', '0000133518', '0000133518']);
  });

  it('no goods anywhere: the file is refused before anything is sent', async () => {
    expect((await read('쿠폰번호\n012345678901\n', 'l.csv')).ok).toBe(false);
    expect(await read('쿠폰번호\n012345678901\n', 'l.csv')).toMatchObject({ ok: false, problem: { kind: 'no_goods' } });
  });

  it('blank rows and a repeated header are skipped; a duplicate is looked up once', async () => {
    const list = ok(await read('쿠폰번호\n012345678901\n,\n쿠폰번호\n012345678901\n012345678902\n', 'l.csv', { goods: '0000999999' }));
    expect(list.rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect(list.skipped).toBe(3);
    const plan = planList(list);
    expect(plan.items).toHaveLength(2);
    expect(plan.rows.map((r) => r.item)).toEqual([0, 0, 1]);
  });

  it('bad numbers are row errors, by /coupon’s rules', async () => {
    const list = ok(
      await read('쿠폰번호\n012345678901\n쿠폰가한글\n0123 4567 8901 5555 6666 7777 8888 9999\n', 'l.csv', { goods: '0000999999' }),
    );
    expect(list.refused.map((r) => [r.row, r.problem.kind])).toEqual([
      [3, 'invalid'],
      [4, 'invalid'],
    ]);
  });
});

describe('reader: numbers Excel damaged are row errors, never lookups', () => {
  it('CSV: lost zeros beside padded numbers, scientific notation, a trailing .0', async () => {
    const list = ok(
      await read('쿠폰번호\n012345678901\n12345678902\n1.23457E+11\n012345678903.0\n012345678904\n', 'l.csv', { goods: '0000999999' }),
    );
    expect(list.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(list.refused.map((r) => [r.row, r.given, r.problem])).toEqual([
      [3, '12345678902', { kind: 'damaged', damage: { kind: 'lost_zeros', expected: 12, found: 11 } }],
      [4, '1.23457E+11', { kind: 'damaged', damage: { kind: 'scientific' } }],
      [5, '012345678903.0', { kind: 'damaged', damage: { kind: 'decimal' } }],
    ]);
  });

  it('.xlsx: numeric cells shorter than the column, past 15 digits; text cells and zero-padded formats are fine', async () => {
    const bytes = await xlsx(
      [
        ['쿠폰번호', '상품ID'],
        ['012345678901', '0000999999'],
        [12345678902, '0000999999'],
        [1234567890123456, '0000999999'],
        [12345678903, '0000999999'],
      ],
      (sheet) => {
        sheet.getCell('A5').numFmt = '000000000000';
      },
    );
    const list = ok(await read(bytes, 'list.xlsx'));
    expect(list.format).toBe('xlsx');
    expect(list.rows.map((r) => [r.row, r.given])).toEqual([
      [2, '012345678901'],
      [5, '012345678903'],
    ]);
    expect(list.refused.map((r) => [r.row, r.problem])).toEqual([
      [3, { kind: 'damaged', damage: { kind: 'lost_zeros', expected: 12, found: 11 } }],
      [4, { kind: 'damaged', damage: { kind: 'precision' } }],
    ]);
  });

  it('.xlsx: the first sheet by default, another by --sheet (name or number); a missing one is refused', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('안내').addRow(['이 파일은 쿠폰 목록입니다']);
    const second = book.addWorksheet('목록');
    second.addRow(['바코드', '상품명']);
    second.addRow(['001133518001', '스타벅스 아메리카노 T']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await read(bytes, 'l.xlsx')).toMatchObject({ ok: false, problem: { kind: 'no_coupon_column' } });
    expect(ok(await read(bytes, 'l.xlsx', { sheet: '목록' })).rows[0]).toMatchObject({ barcode: '001133518001', goodsId: '0000133518' });
    expect(ok(await read(bytes, 'l.xlsx', { sheet: '2' })).sheet).toBe('목록');
    expect(await read(bytes, 'l.xlsx', { sheet: '없음' })).toMatchObject({
      ok: false,
      problem: { kind: 'no_sheet', sheets: ['안내', '목록'] },
    });
  });
});

describe('reader: refusals of the whole file', () => {
  it('over the size limit, over the row limit, an old .xls, a file that is not .xlsx', async () => {
    expect(await read('x'.repeat(2000), 'l.csv', { maxFileBytes: 1024 })).toMatchObject({
      ok: false,
      problem: { kind: 'too_large', bytes: 2000, limit: 1024 },
    });
    const many = `쿠폰번호\n${Array.from({ length: 6 }, (_, i) => `SIM0000000${i}`).join('\n')}\n`;
    expect(await read(many, 'l.csv', { maxItems: 5, goods: '0000999999' })).toMatchObject({
      ok: false,
      problem: { kind: 'too_many_rows', rows: 6, limit: 5 },
    });
    expect(await read('x', 'l.xls')).toMatchObject({ ok: false, problem: { kind: 'legacy_xls' } });
    expect(await read('not a zip', 'l.xlsx')).toMatchObject({ ok: false, problem: { kind: 'not_xlsx' } });
    expect(await read('x', 'l.pdf')).toMatchObject({ ok: false, problem: { kind: 'unsupported_format', extension: '.pdf' } });
    expect(await read('\n\n', 'l.csv')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });
});
