/**
 * The lookup CLI in-process (`run(argv, env, io)`) against real sandboxes on 127.0.0.1. A sandbox
 * started here stands in for the vendor's test server (COUFUN_ENV=test, COUFUN_URL → it) and
 * counts requests per barcode: that is how these tests see exactly what reached "Coufun" and
 * that bad input reached nothing. Runs without COUFUN_URL start the CLI's own built-in sandbox.
 * One test spawns the real `npm run lookup` entry point.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { captureIo } from './io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SANDBOX_NOTICE = '※ 샌드박스 (모의 데이터)';
/** Partly used amount voucher of goods 0000999999 (배민 상품권 1만원), sent to 01098765432. */
const BAEMIN = '0000999999';
const PARTLY_USED = '012345678902';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function lookup(argv: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const io = captureIo();
  const code = await run(argv, env, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

let vendor: SandboxHandle;
beforeAll(async () => {
  vendor = await startSandbox({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await vendor.close();
});
beforeEach(() => vendor.resetStats());

/** The CLI pointed at the in-test sandbox as if it were the vendor's test server. */
const viaVendor = (extra: Record<string, string> = {}): Record<string, string> => ({
  COUFUN_ENV: 'test',
  COUFUN_POC_ID: 'SANDBOX',
  COUFUN_URL: vendor.url,
  // Every run asks afresh: a cached answer would hide a request that should not have been sent.
  COUFUN_CACHE_TTL_MS: '0',
  ...extra,
});

/** What the vendor was asked: the total, and how often it was asked for the plain number. */
const asked = () => ({ total: vendor.requestCount(), plain: vendor.requestCount(PARTLY_USED) });

describe('lookup CLI: numbers read as in Slack (issue 10)', () => {
  it('a hyphenated number reaches the vendor without hyphens, once, and is found', async () => {
    const r = await lookup([BAEMIN, '0123-4567-8902'], viaVendor());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(asked()).toEqual({ total: 1, plain: 1 });
    expect(r.stdout).toMatch(/상태 +부분 사용 \(쿠펀 상태 000 미사용\)/);
    expect(r.stdout).toMatch(/사용 가능 · 부분 사용 · 잔액 2,500원/);
    expect(r.stdout).toMatch(/잔액 +2,500원/);
    expect(r.stdout).not.toContain('쿠폰번호 오류');
  });

  it('a number typed in groups as three words is one lookup of one number', async () => {
    const r = await lookup([BAEMIN, '0123', '4567', '8902'], viaVendor());
    expect(r.code).toBe(0);
    expect(asked()).toEqual({ total: 1, plain: 1 });
    // One card, not three failures.
    expect(r.stdout.match(/상태 +부분 사용/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('[1/');
  });

  it('full-width digits (a Korean IME) in goods and number read as ASCII', async () => {
    const r = await lookup(['００００９９９９９９', '０１２３－４５６７－８９０２'], viaVendor());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(asked()).toEqual({ total: 1, plain: 1 });
  });

  it('a catalog name from COUPON_GOODS stands for its goods ID and labels the card', async () => {
    const r = await lookup(
      ['배민', '상품권', '1만원', '0123-4567-8902'],
      viaVendor({ COUPON_GOODS: '0000999999=배민 상품권 1만원;0000133518=아메리카노' }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(asked()).toEqual({ total: 1, plain: 1 });
    expect(r.stdout).toContain('배민 상품권 1만원 (상품 ID 0000999999) · 금액권');
  });

  it('on the built-in sandbox the sandbox products are the catalog: a quoted name works', async () => {
    const r = await lookup(['배민 상품권 1만원', '0123 4567 8902']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(SANDBOX_NOTICE)).toBe(true);
    expect(r.stdout).toContain('배민 상품권 1만원 (상품 ID 0000999999) · 금액권');
  });

  it('the same number in several spellings is looked up once', async () => {
    const r = await lookup([BAEMIN, '0123-4567-8902', '012345678902', '０１２３４５６７８９０２'], viaVendor());
    expect(r.code).toBe(0);
    expect(asked()).toEqual({ total: 1, plain: 1 });
  });
});

describe('lookup CLI: coupon numbers are masked unless --reveal (issue 10)', () => {
  it('a found coupon: exit 0, the card on stdout, number and phone masked, nothing on stderr', async () => {
    const r = await lookup([BAEMIN, PARTLY_USED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(SANDBOX_NOTICE)).toBe(true);
    expect(r.stdout).toContain('배민 상품권 1만원 (상품 ID 0000999999) · 금액권');
    expect(r.stdout).toMatch(/쿠폰번호 +••••8902\n/);
    expect(r.stdout).toMatch(/잔액 +2,500원/);
    expect(r.stdout).toMatch(/사용 금액 +7,500원/);
    expect(r.stdout).toMatch(/유효기간 +\d{4}-\d{2}-\d{2} \(\d+일 남음\)/);
    expect(r.stdout).toMatch(/교환일시 +\d{4}-\d{2}-\d{2} 12:30/);
    expect(r.stdout).toMatch(/수신번호 +010-\*{4}-5432/);
    expect(r.stdout).toMatch(/─ 샌드박스 \(모의 데이터\) · \d{4}-\d{2}-\d{2} \d{2}:\d{2} KST 기준 · 쿠펀 응답 \d/);
    expect(r.stdout).not.toContain(PARTLY_USED);
    expect(r.stdout).not.toContain('01098765432');
  });

  it('--reveal shows the number in full, on a card and on a failure; the phone stays masked', async () => {
    const r = await lookup(['--reveal', BAEMIN, PARTLY_USED, '0000000000'], viaVendor());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/쿠폰번호 +012345678902\n/);
    expect(r.stderr).toContain('[2/2] 쿠폰번호 0000000000 (상품 ID 0000999999): 쿠펀 응답: 쿠폰번호 오류 (코드 16)');
    expect(r.stdout).not.toContain('01098765432');
  });

  it('an unknown number (vendor code 16): exit 1, the failure on stderr, number masked', async () => {
    const r = await lookup(['0000133518', '0000000000'], viaVendor());
    expect(r.code).toBe(1);
    expect(vendor.requestCount('0000000000')).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('쿠폰번호 ••••0000 (상품 ID 0000133518): 쿠펀 응답: 쿠폰번호 오류 (코드 16)');
    expect(r.stderr).toContain('존재하지 않는 쿠폰번호입니다.');
    expect(r.stderr).toContain('→ 쿠폰번호를 다시 확인해 주세요.');
    // The vendor's test server answered, not the sandbox: no sandbox banner.
    expect(r.stderr).toMatch(/─ 테스트 서버 · .* KST 기준/);
    expect(r.stderr).not.toContain('샌드박스');
    expect(r.stderr).not.toContain('0000000000');
  });

  it('--json: one array in argument order, numbers and phones masked, instants +09:00', async () => {
    const r = await lookup(['--json', BAEMIN, PARTLY_USED, '009999900011', '0000000000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const parsed = JSON.parse(r.stdout) as Array<Record<string, any>>;
    expect(parsed).toHaveLength(3);
    const [partly, old011, missing] = parsed;
    expect(partly).toMatchObject({ ok: true, goodsId: BAEMIN, barcode: '••••8902', meta: { env: 'sandbox', cacheHit: false } });
    expect(partly?.orders[0]).toMatchObject({
      // The verdict, as data: usable, partly used, though the vendor's own status says 000.
      verdict: { state: 'usable', category: 'usable', partlyUsed: true },
      couponType: { kind: 'amount', raw: 'AMOUNT' },
      status: { kind: 'unused', raw: '000' },
      receiverMobile: '010-****-5432',
      totalAmount: 10_000,
      remainAmount: 2_500,
      raw: { RECEIVER_MOBILE: '010-****-5432' },
    });
    expect(partly?.orders[0].exchangedAt).toMatch(/^\d{4}-\d{2}-\d{2}T12:30:00\+09:00$/);
    expect(partly?.meta.answeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(old011?.orders[0].receiverMobile).toBe('011-***-4567');
    expect(missing).toMatchObject({ ok: false, barcode: '••••0000', error: { name: 'VendorError', code: 'VENDOR', vendorCode: '16' } });
    for (const secret of [PARTLY_USED, '009999900011', '01098765432', '0111234567']) expect(r.stdout).not.toContain(secret);
  });

  it('--json --reveal: the numbers in full, in every place they appear', async () => {
    const r = await lookup(['--json', '--reveal', BAEMIN, '0123-4567-8902']);
    expect(r.code).toBe(0);
    const [partly] = JSON.parse(r.stdout) as Array<Record<string, any>>;
    expect(partly?.barcode).toBe(PARTLY_USED);
    expect(r.stdout).not.toContain('••••');
  });
});

describe('lookup CLI: bad input and configuration never reach the vendor', () => {
  it('an invalid number: exit 2 before any request, naming its position and limit', async () => {
    const r = await lookup(['0000133518', '001133518001', '0'.repeat(31)], viaVendor());
    expect(r.code).toBe(2);
    expect(asked().total).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2번째 쿠폰번호: 쿠폰번호가 너무 깁니다: 최대 30바이트인데 31바이트입니다.');
    expect(r.stderr).toContain('사용법: npm run lookup -- <상품ID|상품명> <쿠폰번호>');
    expect(r.stderr).not.toContain('0'.repeat(31));
  });

  it('Korean characters as a number, an unknown goods name, no number, too many numbers: exit 2, no request', async () => {
    const cases: Array<[string[], string]> = [
      [['0000133518', '쿠폰'], '1번째 쿠폰번호: 쿠폰번호에 쓸 수 없는 문자가 있습니다: "쿠" (U+CFE0).'],
      [['없는상품', '012345678902'], '상품 ID: '],
      [['0000133518'], '쿠폰번호를 하나 이상 입력해 주세요.'],
      [[], '상품 ID(또는 상품명)와 쿠폰번호를 입력해 주세요.'],
      [
        ['0000133518', 'AAAA11111', 'BBBB22222', 'CCCC33333', 'DDDD44444', 'EEEE55555', 'FFFF66666'],
        '5개까지 조회할 수 있습니다 (6개 입력)',
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await lookup(argv, viaVendor());
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
      expect(r.stdout).toBe('');
    }
    expect(asked().total).toBe(0);
  });

  it('unknown options and values on flags: exit 2 naming the option, no request', async () => {
    for (const [argv, message] of [
      [['--verbose', BAEMIN, PARTLY_USED], '알 수 없는 옵션입니다: --verbose'],
      [['--reveal=yes', BAEMIN, PARTLY_USED], '--reveal 옵션은 값을 받지 않습니다.'],
      [['--list', BAEMIN], '--list는 상품 ID나 쿠폰번호와 함께 쓸 수 없습니다.'],
    ] as const) {
      const r = await lookup(argv, viaVendor());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(asked().total).toBe(0);
  });

  it('COUFUN_ENV=production without COUFUN_POC_ID and a bad catalog: exit 2 listing every problem, no request', async () => {
    const r = await lookup(['0000133518', '001133518001'], {
      COUFUN_ENV: 'production',
      COUFUN_URL: vendor.url,
      COUFUN_TIMEOUT_MS: '5',
      COUPON_GOODS: 'oops',
    });
    expect(r.code).toBe(2);
    expect(asked().total).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Invalid configuration:');
    expect(r.stderr).toContain('COUFUN_POC_ID is required when COUFUN_ENV=production');
    expect(r.stderr).toContain('COUFUN_TIMEOUT_MS="5" must be a whole number from 100 to 60000.');
    expect(r.stderr).toContain('COUPON_GOODS: Entry 1 ("oops") has no "="');
  });
});

describe('lookup CLI: transport failures, help and the seed list', () => {
  it('an HTTP 500 fault: exit 3, which wins over a vendor failure in the same run', async () => {
    const r = await lookup(['0000133518', 'FAULT-500', '0000000000']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`${SANDBOX_NOTICE}: 실제 쿠폰이 아니라 봇에 내장된 모의 서버의 응답입니다.\n`);
    expect(r.stderr).toContain('[1/2] 쿠폰번호 ••••-500 (상품 ID 0000133518): 쿠펀 서버 오류');
    expect(r.stderr).toContain('쿠펀 서버가 조회 결과 대신 오류 상태(HTTP 500)로 응답했습니다.');
    expect(r.stderr).toContain('[2/2] 쿠폰번호 ••••0000 (상품 ID 0000133518): 쿠펀 응답: 쿠폰번호 오류 (코드 16)');
    expect(r.stderr).not.toMatch(/<html|<body|<!DOCTYPE/i);
  });

  it('--help (or a lone "help", as /coupon help): exit 0, documents input, options, exit codes and configuration', async () => {
    for (const argv of [['--help'], ['help']]) {
      const r = await lookup(argv, viaVendor());
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const text of [
        '사용법:',
        '--json',
        '--reveal',
        '--list',
        '0123-4567-8902',
        '전각',
        '종료 코드:',
        'COUFUN_ENV',
        'COUFUN_POC_ID',
        'COUFUN_URL',
        'COUPON_GOODS',
      ]) {
        expect(r.stdout, text).toContain(text);
      }
      for (const code of [0, 1, 2, 3, 70]) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    }
    expect(asked().total).toBe(0);
  });

  it('--help names the Slack command as COUPON_COMMAND renames it', async () => {
    const renamed = await lookup(['--help'], { COUPON_COMMAND: '/kupon' });
    expect(renamed.stdout).toContain('Slack의 /kupon과 똑같이 읽고');
    expect(renamed.stdout).not.toContain('/coupon과');
    expect(renamed.stdout).toContain('COUPON_COMMAND');
    const plain = await lookup(['help'], {});
    expect(plain.stdout).toContain('Slack의 /coupon과 똑같이 읽고');
  });

  it('--list: exit 0, the seeds grouped with ready-to-copy commands', async () => {
    const r = await lookup(['--list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('쿠폰 (정상 응답):');
    expect(r.stdout).toContain('쿠펀 오류 코드:');
    expect(r.stdout).toContain('전송 장애:');
    expect(r.stdout).toContain('  0000999999  배민 상품권 1만원');
    for (const [goods, barcode] of [
      ['0000999999', '012345678902'],
      ['0000133518', '001133518003'],
      ['0000133518', 'ERR77-UNKNOWN'],
      ['0000133518', 'FAULT-500'],
    ]) {
      expect(r.stdout).toContain(`    npm run lookup -- ${goods} ${barcode}\n`);
    }
    expect(r.stdout.indexOf('012345678902')).toBeLessThan(r.stdout.indexOf('ERR77-UNKNOWN'));
    expect(r.stdout.indexOf('ERR77-UNKNOWN')).toBeLessThan(r.stdout.indexOf('FAULT-500'));
  });
});

describe('lookup CLI: the program', () => {
  it('importing the module runs nothing', () => {
    // This file imported src/cli/lookup.ts above; had it run, it would have set an exit code.
    expect(process.exitCode).toBeUndefined();
  });

  it('`node --import tsx src/cli/lookup.ts` (what npm run lookup runs) reads the README example and exits 0', async () => {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const env: NodeJS.ProcessEnv = {};
      for (const [key, value] of Object.entries(process.env)) {
        if (!key.startsWith('COUFUN_') && !key.startsWith('COUPON_') && !/^(https?|all|no)_proxy$/i.test(key)) env[key] = value;
      }
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/lookup.ts', BAEMIN, '0123', '4567', '8902'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(SANDBOX_NOTICE)).toBe(true);
    expect(r.stdout).toMatch(/쿠폰번호 +••••8902\n/);
  });
});
