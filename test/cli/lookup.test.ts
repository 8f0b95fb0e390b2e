/**
 * The real lookup CLI as a child process (`node --import tsx src/cli/lookup.ts …`). Each run costs
 * about a second, so each test runs the CLI once and checks several things about that run.
 * A sandbox started here (on 127.0.0.1) doubles as a request counter: runs that must not reach
 * Coufun point COUFUN_URL at it and must leave its count unchanged.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a run: this process's, minus every COUFUN_ variable (so the CLI starts its
 * own sandbox) and minus proxies (so a stray request would reach the loopback counter, not a proxy).
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('COUFUN_') || /^(https?|all|no)_proxy$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function runCli(args: readonly string[], extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/lookup.ts', ...args], {
      cwd: ROOT,
      env: childEnv(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The parts of `--json` output these tests read. */
interface JsonOutcome {
  readonly ok: boolean;
  readonly barcode: string;
  readonly orders?: ReadonlyArray<{ readonly receiverMobile: string | null; readonly exchangedAt: string | null }>;
  readonly meta: { readonly answeredAt: string };
}

const SANDBOX_NOTICE = '※ 샌드박스 (모의 데이터)';

let counter: SandboxHandle;
beforeAll(async () => {
  counter = await startSandbox({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await counter.close();
});

/** The CLI pointed at the in-test sandbox as if it were the vendor's test server. */
const viaCounter = (): Record<string, string> => ({ COUFUN_ENV: 'test', COUFUN_POC_ID: 'SANDBOX', COUFUN_URL: counter.url });

describe('lookup CLI', () => {
  it('a found coupon: exit 0, the card on stdout with the phone masked, nothing on stderr', async () => {
    // Partly used amount voucher sent to 01098765432.
    const run = await runCli(['0000999999', '012345678902']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(SANDBOX_NOTICE)).toBe(true);
    expect(run.stdout).toContain('배민 상품권 1만원 (상품 ID 0000999999) · 금액권');
    expect(run.stdout).toMatch(/\n {2}사용 가능 · 부분 사용 · 잔액 2,500원 \/ 10,000원 · 유효기간 /);
    expect(run.stdout).toMatch(/상태 +부분 사용 \(쿠펀 상태 000 미사용\)/);
    expect(run.stdout).toMatch(/쿠폰번호 +••••8902/);
    expect(run.stdout).toMatch(/잔액 +2,500원/);
    expect(run.stdout).toMatch(/사용 금액 +7,500원/);
    expect(run.stdout).toMatch(/유효기간 +\d{4}-\d{2}-\d{2} \(\d+일 남음\)/);
    expect(run.stdout).toMatch(/교환일시 +\d{4}-\d{2}-\d{2} 12:30/);
    expect(run.stdout).toMatch(/수신번호 +010-\*{4}-5432/);
    expect(run.stdout).toMatch(/─ 샌드박스 \(모의 데이터\) · \d{4}-\d{2}-\d{2} \d{2}:\d{2} KST 기준 · 쿠펀 응답 \d/);
    expect(run.stdout).not.toContain('01098765432');
    expect(run.stdout).not.toContain('9876');
  });

  it('an unknown barcode (vendor code 16): exit 1, the failure on stderr, barcode masked', async () => {
    const before = counter.requestCount();
    const run = await runCli(['0000133518', '0000000000'], viaCounter());
    expect(run.code).toBe(1);
    // The CLI really asked the configured endpoint once: this is what makes the "no request" checks below meaningful.
    expect(counter.requestCount() - before).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('쿠폰번호 ••••0000 (상품 ID 0000133518): 쿠펀 응답: 쿠폰번호 오류 (코드 16)');
    expect(run.stderr).toContain('존재하지 않는 쿠폰번호입니다.');
    expect(run.stderr).toContain('→ 쿠폰번호를 다시 확인해 주세요.');
    // The vendor's test server answered, not the sandbox: no sandbox banner.
    expect(run.stderr).toMatch(/─ 테스트 서버 · .* KST 기준/);
    expect(run.stderr).not.toContain('샌드박스');
    expect(run.stderr).not.toContain('0000000000');
  });

  it('invalid input: exit 2 before any request, naming each field and its limit', async () => {
    const before = counter.requestCount();
    const run = await runCli(['0000133518', '0'.repeat(31), '쿠폰'], viaCounter());
    expect(run.code).toBe(2);
    expect(counter.requestCount()).toBe(before);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('1번째 쿠폰번호: 쿠폰번호가 너무 깁니다: 최대 30바이트인데 31바이트입니다.');
    expect(run.stderr).toContain('2번째 쿠폰번호: 쿠폰번호에 쓸 수 없는 문자가 있습니다: "쿠" (U+CFE0).');
    expect(run.stderr).toContain('사용법: npm run lookup -- <상품ID> <쿠폰번호>');
    expect(run.stderr).not.toContain('0'.repeat(31));
  });

  it('COUFUN_ENV=production without COUFUN_POC_ID: exit 2 listing every problem, no request', async () => {
    const before = counter.requestCount();
    const run = await runCli(['0000133518', '001133518001'], { COUFUN_ENV: 'production', COUFUN_URL: counter.url, COUFUN_TIMEOUT_MS: '5' });
    expect(run.code).toBe(2);
    expect(counter.requestCount()).toBe(before);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Invalid configuration:');
    expect(run.stderr).toContain('COUFUN_POC_ID is required when COUFUN_ENV=production');
    expect(run.stderr).toContain('COUFUN_TIMEOUT_MS="5" must be a whole number from 100 to 60000.');
  });

  it('an HTTP 500 fault: exit 3, which wins over a vendor failure in the same run', async () => {
    const run = await runCli(['0000133518', 'FAULT-500', '0000000000']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe(`${SANDBOX_NOTICE}: 실제 쿠폰이 아니라 봇에 내장된 모의 서버의 응답입니다.\n`);
    expect(run.stderr).toContain('[1/2] 쿠폰번호 ••••-500 (상품 ID 0000133518): 쿠펀 서버 오류');
    expect(run.stderr).toContain('쿠펀 서버가 조회 결과 대신 오류 상태(HTTP 500)로 응답했습니다.');
    expect(run.stderr).toContain('[2/2] 쿠폰번호 ••••0000 (상품 ID 0000133518): 쿠펀 응답: 쿠폰번호 오류 (코드 16)');
    // Never the vendor's HTML error page.
    expect(run.stderr).not.toMatch(/<html|<body|<!DOCTYPE/i);
  });

  it('--json: one parseable array in argument order, phones masked, instants +09:00', async () => {
    const run = await runCli(['--json', '0000999999', '012345678902', '009999900011', '0000000000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const parsed: unknown = JSON.parse(run.stdout);
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(3);
    const [partly, old011, missing] = parsed as JsonOutcome[];
    expect(partly).toMatchObject({ ok: true, goodsId: '0000999999', barcode: '012345678902', meta: { env: 'sandbox', cacheHit: false } });
    expect(partly?.orders?.[0]).toMatchObject({
      couponType: { kind: 'amount', raw: 'AMOUNT' },
      status: { kind: 'unused', raw: '000' },
      receiverMobile: '010-****-5432',
      totalAmount: 10_000,
      remainAmount: 2_500,
      raw: { RECEIVER_MOBILE: '010-****-5432' },
    });
    expect(partly?.orders?.[0]?.exchangedAt).toMatch(/^\d{4}-\d{2}-\d{2}T12:30:00\+09:00$/);
    expect(partly?.meta.answeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(old011?.orders?.[0]?.receiverMobile).toBe('011-***-4567');
    expect(missing).toMatchObject({ ok: false, barcode: '0000000000', error: { name: 'VendorError', code: 'VENDOR', vendorCode: '16' } });
    expect(run.stdout).not.toContain('01098765432');
    expect(run.stdout).not.toContain('0111234567');
  });

  it('--help: exit 0, documents options, exit codes and configuration', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of ['사용법:', '--json', '--list', '종료 코드:', 'COUFUN_ENV', 'COUFUN_POC_ID', 'COUFUN_URL', 'COUFUN_TIMEOUT_MS']) {
      expect(run.stdout, text).toContain(text);
    }
    for (const code of [0, 1, 2, 3, 70]) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  it('--list: exit 0, the seeds grouped with ready-to-copy commands', async () => {
    const run = await runCli(['--list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('쿠폰 (정상 응답):');
    expect(run.stdout).toContain('쿠펀 오류 코드:');
    expect(run.stdout).toContain('전송 장애:');
    expect(run.stdout).toContain('  0000999999  배민 상품권 1만원');
    for (const [goods, barcode] of [
      ['0000999999', '012345678902'],
      ['0000133518', '001133518003'],
      ['0000133518', 'ERR77-UNKNOWN'],
      ['0000133518', 'FAULT-500'],
    ]) {
      expect(run.stdout).toContain(`    npm run lookup -- ${goods} ${barcode}\n`);
    }
    // The order of the groups: coupons, then vendor errors, then transport faults.
    expect(run.stdout.indexOf('012345678902')).toBeLessThan(run.stdout.indexOf('ERR77-UNKNOWN'));
    expect(run.stdout.indexOf('ERR77-UNKNOWN')).toBeLessThan(run.stdout.indexOf('FAULT-500'));
  });
});
