import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog, readCatalog, resolveGoods } from '../src/config/catalog.js';
import { EnvReader } from '../src/config/env.js';
import { SANDBOX_GOODS } from '../src/coufun/environments.js';
import { validateField } from '../src/coufun/validate.js';

const RAW = ' 0000133518=스타벅스 아메리카노 T ; 0000999999 = 배민  상품권 1만원;CU-5000=CU 모바일상품권 5천원; ';

describe('parseCatalog: valid input', () => {
  const { catalog, problems } = parseCatalog(RAW);

  it('reads every entry, trimmed, ignoring the empty trailing segment', () => {
    expect(problems).toEqual([]);
    expect(catalog.entries.map((e) => e.id)).toEqual(['0000133518', '0000999999', 'CU-5000']);
    expect(catalog.nameOf('0000133518')).toBe('스타벅스 아메리카노 T');
  });

  it('stores names with inner whitespace collapsed', () => {
    expect(catalog.nameOf('0000999999')).toBe('배민 상품권 1만원');
  });

  it('finds an entry by exact ID', () => {
    expect(catalog.find('CU-5000')?.name).toBe('CU 모바일상품권 5천원');
    expect(catalog.find('  0000133518 ')?.id).toBe('0000133518');
  });

  it('matches IDs exactly, never by case or prefix', () => {
    expect(catalog.find('cu-5000')).toBeNull();
    expect(catalog.find('000013351')).toBeNull();
  });

  it('finds an entry by name ignoring case and spacing', () => {
    expect(catalog.find('스타벅스   아메리카노 t')?.id).toBe('0000133518');
    expect(catalog.find('cu 모바일상품권 5천원')?.id).toBe('CU-5000');
  });

  it('does not match a name prefix', () => {
    expect(catalog.find('스타벅스')).toBeNull();
  });

  it('answers null / undefined for unknown goods', () => {
    expect(catalog.find('9999999999')).toBeNull();
    expect(catalog.find('   ')).toBeNull();
    expect(catalog.nameOf('9999999999')).toBeUndefined();
  });

  it('keeps a "=" inside a name', () => {
    const parsed = parseCatalog('A1=1+1=2 이벤트');
    expect(parsed.problems).toEqual([]);
    expect(parsed.catalog.nameOf('A1')).toBe('1+1=2 이벤트');
  });

  it('prefers an ID over an equal name of another entry', () => {
    const parsed = parseCatalog('A1=B2;B2=Other');
    expect(parsed.catalog.find('B2')?.id).toBe('B2');
    expect(parsed.catalog.find('b2')?.id).toBe('A1');
  });
});

describe('parseCatalog: empty', () => {
  it.each([undefined, '', '   ', ';;'])('treats %j as no catalog, without problems', (raw) => {
    const { catalog, problems } = parseCatalog(raw);
    expect(problems).toEqual([]);
    expect(catalog.entries).toHaveLength(0);
  });

  it('EMPTY_CATALOG knows nothing', () => {
    expect(EMPTY_CATALOG.entries).toHaveLength(0);
    expect(EMPTY_CATALOG.find('0000133518')).toBeNull();
    expect(EMPTY_CATALOG.nameOf('0000133518')).toBeUndefined();
  });
});

describe('parseCatalog: problems', () => {
  function problemsOf(raw: string): string[] {
    return parseCatalog(raw).problems;
  }

  it('reports a missing "=" with the entry position', () => {
    const problems = problemsOf('A1=Good;0000133518 스타벅스');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Entry 2 .*"="/);
  });

  it('reports an empty ID and an empty name', () => {
    const problems = problemsOf('=스타벅스;A1=  ');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Entry 1 .*empty ID/);
    expect(problems[1]).toMatch(/^Entry 2 .*empty name/);
  });

  it.each(['ABCDEFGHIJK', '상품1', 'A B', 'A.1', 'A/1'])('rejects the ID %j', (id) => {
    const problems = problemsOf(`OK=Fine;${id}=Name`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Entry 2 .*1–10 ASCII letters/);
  });

  it('accepts IDs of 1 and 10 characters with "-" and "_"', () => {
    expect(problemsOf('A=One;Ab-_012345=Ten')).toEqual([]);
  });

  it('reports a duplicate ID, naming both entries', () => {
    const problems = problemsOf('A1=One;B2=Two;A1=Three');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Entry 3 .*"A1".*entry 1/);
  });

  it('reports a duplicate name that differs only in case and spacing', () => {
    const problems = problemsOf('A1=Cafe Latte;B2=cafe   LATTE');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Entry 2 .*name of entry 1/);
  });

  it('reports a name over 100 characters, but accepts exactly 100', () => {
    expect(problemsOf(`A1=${'가'.repeat(100)}`)).toEqual([]);
    const problems = problemsOf(`A1=${'가'.repeat(101)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Entry 1 .*longer than 100/);
  });

  it('collects every problem and keeps only the good entries', () => {
    const { catalog, problems } = parseCatalog('A1=One;broken;=x;B2=Two;A1=Again;TOO_LONG_ID=Long');
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.slice(0, 7))).toEqual(['Entry 2', 'Entry 3', 'Entry 5', 'Entry 6']);
    expect(catalog.entries.map((e) => e.id)).toEqual(['A1', 'B2']);
  });
});

describe('resolveGoods', () => {
  const { catalog } = parseCatalog(RAW);

  it('resolves a catalog name to its ID and name', () => {
    expect(resolveGoods(catalog, '배민 상품권 1만원')).toEqual({ goodsId: '0000999999', name: '배민 상품권 1만원' });
  });

  it('resolves a catalog ID', () => {
    expect(resolveGoods(catalog, 'CU-5000')).toEqual({ goodsId: 'CU-5000', name: 'CU 모바일상품권 5천원' });
  });

  it('takes anything else as a raw goods ID, trimmed and without a name', () => {
    const resolved = resolveGoods(catalog, ' 0000777777 ');
    expect(resolved.goodsId).toBe('0000777777');
    expect('name' in resolved).toBe(false);
  });

  it('works with the empty catalog', () => {
    expect(resolveGoods(EMPTY_CATALOG, '0000133518')).toEqual({ goodsId: '0000133518' });
  });

  it('reads full-width characters as the ASCII they look like, as /coupon does', () => {
    expect(resolveGoods(catalog, '００００１３３５１８')).toEqual({ goodsId: '0000133518', name: '스타벅스 아메리카노 T' });
    expect(resolveGoods(catalog, 'ＣＵ－５０００')).toEqual({ goodsId: 'CU-5000', name: 'CU 모바일상품권 5천원' });
    expect(resolveGoods(EMPTY_CATALOG, '０００００７７７７７')).toEqual({ goodsId: '0000077777' });
  });
});

describe('readCatalog: COUPON_GOODS for the bot and the terminal alike', () => {
  it('unset on the sandbox → the sandbox products, so names can be typed there too', () => {
    const r = new EnvReader({});
    const catalog = readCatalog(r, 'sandbox');
    expect(r.problems).toEqual([]);
    expect(catalog.entries.map((e) => e.id)).toEqual(SANDBOX_GOODS.map((g) => g.id));
    expect(catalog.find('배민 상품권 1만원')?.id).toBe('0000999999');
  });

  it('unset on the vendor → empty; set → exactly what it says, anywhere', () => {
    expect(readCatalog(new EnvReader({}), 'test').entries).toEqual([]);
    expect(readCatalog(new EnvReader({ COUPON_GOODS: ' ' }), 'production').entries).toEqual([]);
    expect(readCatalog(new EnvReader({ COUPON_GOODS: 'G1=One' }), 'sandbox').entries).toEqual([{ id: 'G1', name: 'One' }]);
  });

  it('problems go to the reader, prefixed with the variable, to be listed with the rest', () => {
    const r = new EnvReader({ COUPON_GOODS: 'G1=One;broken' });
    expect(readCatalog(r, 'test').entries.map((e) => e.id)).toEqual(['G1']);
    expect(r.problems).toEqual(['COUPON_GOODS: Entry 2 ("broken") has no "=": write each entry as ID=Name.']);
  });
});

describe('parseCatalog: the goods ID rule', () => {
  it.each(['0000133518', 'CU-5000', 'a_b', '00001335180', '상품', 'A B', 'a/b', 'é', '😀', 'a.b'])(
    'accepts ID %j exactly when a request may carry it as GOODS_ID',
    (id) => {
      const { catalog, problems } = parseCatalog(`${id}=Name`);
      const accepted = catalog.find(id) !== null;
      expect(accepted).toBe(validateField('GOODS_ID', id) === null);
      expect(problems.length === 0).toBe(accepted);
      if (!accepted) expect(problems[0]).toContain('which is not 1–10 ASCII letters, digits, "-" or "_"');
    },
  );
});
