/**
 * Pure text rendering for the lookup CLI: cards, failures, usage problems, help, the sandbox
 * seed list and JSON. Coupon and error wording comes from src/display; this file lays it out
 * for a terminal (Korean) and holds the CLI's own usage text.
 */
import type { SandboxSeed } from '../coufun/sandbox/seeds.js';
import type { Catalog } from '../config/catalog.js';
import { DEFAULT_LOCALE, describeError, describeMeta, describeOrders, t, type OrderView, type ViewRow } from '../display/index.js';
import { maskBarcode } from '../text/masks.js';
import { outcomeToJson } from '../display/json-view.js';
import type { LookupOutcome } from '../lookup/types.js';
import { EXIT, MAX_CLI_BARCODES, type UsageProblem } from './args.js';
import { shownOutcomes } from './mask.js';

const LOCALE = DEFAULT_LOCALE;
const labels = t(LOCALE);

/** A piece of output and the stream it belongs on: cards on stdout, failures on stderr. */
export interface Chunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** Everything a report needs besides the outcomes. */
export interface ReportContext {
  /** Now (epoch ms), for the expiry phrases. */
  readonly nowMs: number;
  /** Product names by goods ID (`COUPON_GOODS`, or the sandbox's products on the sandbox). */
  readonly catalog?: Pick<Catalog, 'nameOf'>;
  /** Show coupon numbers in full (`--reveal`); default masked, `••••8902`. */
  readonly reveal?: boolean;
}

// Hangul and other wide characters take two terminal columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function rowLines(rows: readonly ViewRow[]): string[] {
  const labelWidth = Math.max(0, ...rows.map((r) => width(r.label)));
  return rows.map((r) => `  ${r.label}${' '.repeat(labelWidth - width(r.label))}  ${r.value}`);
}

function cardHeader(view: OrderView, prefix: string, orderOf: string | null): string {
  const name = view.title === view.goodsId ? view.goodsId : `${view.title} (${labels.field.goodsId} ${view.goodsId})`;
  return [`${prefix}${name} · ${view.typeLabel}`, orderOf].filter(Boolean).join(' · ');
}

/** One coupon card: header (title, goods ID, type), the verdict line, then the view's rows. */
export function renderCard(view: OrderView, prefix = '', orderOf: string | null = null): string {
  return [cardHeader(view, prefix, orderOf), `  ${view.verdict.line}`, ...rowLines(view.rows)].join('\n');
}

/**
 * The report for a run, in argument order: a sandbox notice first when the sandbox answered,
 * then per barcode its cards (stdout) or its failure (stderr), each followed by a footer line
 * saying which environment answered, when, and how fast. Coupon numbers are masked, cards and
 * failures alike, unless `ctx.reveal`.
 */
export function renderReport(outcomes: readonly LookupOutcome[], ctx: ReportContext): Chunk[] {
  const chunks: Chunk[] = [];
  const reveal = ctx.reveal === true;
  if (outcomes.some((o) => o.meta.env === 'sandbox')) chunks.push({ stream: 'stdout', text: `${labels.notice.sandbox}\n` });
  outcomes.forEach((outcome, i) => {
    const prefix = outcomes.length > 1 ? `[${i + 1}/${outcomes.length}] ` : '';
    if (outcome.ok) {
      const footer = `  ─ ${describeMeta(outcome.meta, LOCALE).line}`;
      const goodsName = ctx.catalog?.nameOf(outcome.goodsId);
      const { orders, summary } = describeOrders(outcome.orders, {
        nowMs: ctx.nowMs,
        locale: LOCALE,
        goodsId: outcome.goodsId,
        goodsName,
        barcode: outcome.barcode,
        revealBarcode: reveal,
      });
      const cards = orders.map((view, n) =>
        renderCard(view, prefix, orders.length > 1 ? labels.notice.orderOf(n + 1, orders.length) : null),
      );
      const head = summary && orders[0] ? `${prefix}${orders[0].title} · ${summary.line}\n  ${summary.sequence}\n\n` : '';
      chunks.push({ stream: 'stdout', text: `\n${head}${cards.join('\n\n')}\n${footer}\n` });
      return;
    }
    // The display hides the number where the vendor's text echoes it, as the card does.
    const error = describeError(outcome.error, LOCALE, { barcode: outcome.barcode });
    const footer = `  ─ ${describeMeta(outcome.meta, LOCALE, error.answered).line}`;
    const subject = `${labels.field.barcode} ${reveal ? outcome.barcode : maskBarcode(outcome.barcode)} (${labels.field.goodsId} ${outcome.goodsId})`;
    const lines = [`${prefix}${subject}: ${error.title}`, `  ${error.detail}`, `  → ${error.hint}`, footer];
    chunks.push({ stream: 'stderr', text: `\n${lines.join('\n')}\n` });
  });
  return chunks;
}

/**
 * The outcomes as a JSON array (pretty-printed), phone numbers masked, instants in KST, coupon
 * numbers masked unless `reveal`.
 */
export function renderJson(outcomes: readonly LookupOutcome[], reveal = false): string {
  return `${JSON.stringify(shownOutcomes(outcomes, reveal).map(outcomeToJson), null, 2)}\n`;
}

const USAGE_LINE = 'npm run lookup -- <상품ID|상품명> <쿠폰번호> [쿠폰번호…]';

/** A usage problem in plain words, with the usage line (for stderr). */
export function renderUsageProblem(problem: UsageProblem): string {
  const lines: string[] = [];
  switch (problem.kind) {
    case 'unknown_option':
      lines.push(`알 수 없는 옵션입니다: ${problem.option}`);
      break;
    case 'option_value':
      lines.push(`${problem.option} 옵션은 값을 받지 않습니다.`);
      break;
    case 'missing_goods':
      lines.push('상품 ID(또는 상품명)와 쿠폰번호를 입력해 주세요.');
      break;
    case 'missing_barcode':
      lines.push('쿠폰번호를 하나 이상 입력해 주세요.');
      break;
    case 'too_many_barcodes':
      lines.push(`쿠폰번호는 한 번에 ${problem.max}개까지 조회할 수 있습니다 (${problem.given}개 입력).`);
      break;
    case 'list_with_arguments':
      lines.push('--list는 상품 ID나 쿠폰번호와 함께 쓸 수 없습니다.');
      break;
    case 'invalid': {
      const view = describeError(problem.error, LOCALE);
      const where = problem.position === undefined ? labels.field.goodsId : `${problem.position}번째 ${labels.field.barcode}`;
      lines.push(`${where}: ${view.detail}`, `  → ${view.hint}`);
      break;
    }
  }
  return [...lines, '', `사용법: ${USAGE_LINE}   (도움말: --help)`, ''].join('\n');
}

/**
 * `--help`: usage, options, exit codes and every configuration variable. `slashCommand` is the
 * Slack command this terminal reads like (`COUPON_COMMAND`, default `/coupon`).
 */
export function renderHelp(slashCommand = '/coupon'): string {
  return `쿠펀 모바일 쿠폰 조회 (터미널)

사용법:
  ${USAGE_LINE}
  npm run lookup -- --file <목록> [--goods <상품>] [--out <결과.csv|결과.xlsx>]
                                목록 파일(.csv .tsv .txt .xlsx)을 한 번에 조회 (docs/bulk.md)
  npm run lookup -- --list      샌드박스의 예시 쿠폰과 바로 쓸 수 있는 명령
  npm run lookup -- --help      이 도움말

  상품은 상품 ID나 COUPON_GOODS의 상품명으로(샌드박스에서는 샌드박스 상품명) 입력하고, 쿠폰번호는
  인쇄된 그대로 입력해도 됩니다: 0123-4567-8902, 0123 4567 8902, 전각 숫자 모두 같은 번호입니다.
  Slack의 ${slashCommand}과 똑같이 읽고, 잘못된 입력은 쿠펀에 요청하기 전에 알려 줍니다.
  여러 쿠폰번호는 동시에 조회하고 입력한 순서대로 보여 줍니다 (최대 ${MAX_CLI_BARCODES}개).
  쿠폰 카드는 표준 출력(stdout)에, 오류는 표준 오류(stderr)에 씁니다.
  쿠폰번호는 끝 네 자리만(••••8902), 수신번호는 항상 가려서(010-****-5678) 보여 줍니다.

옵션:
  --reveal      쿠폰번호를 가리지 않고 전부 보여 줌 (쿠폰번호는 가진 사람이 쓸 수 있는 값입니다)
  --json        결과를 JSON 배열로 출력 (시각은 +09:00 ISO 8601, 수신번호는 가림, 쿠폰번호는
                --reveal 없이는 가림)
  --list        샌드박스 예시 쿠폰 목록 (--json과 함께 쓰면 JSON)
  -h, --help    도움말
  --            이후 인수는 옵션이 아님

종료 코드:
  ${EXIT.ok}   모든 쿠폰을 찾음
  ${EXIT.vendor}   쿠펀이 오류 코드로 응답한 쿠폰이 있음 (예: 없는 쿠폰번호)
  ${EXIT.usage}   인수·입력값·설정 오류 (네트워크 요청 전에 검사)
  ${EXIT.transport}   쿠펀 서버에 연결하지 못했거나 응답을 읽을 수 없음 (1보다 우선)
  ${EXIT.internal}  예상하지 못한 내부 오류 (버그)

환경 변수:
  COUFUN_ENV           sandbox | test | production (기본 sandbox: 내장 모의 서버를 띄움)
  COUFUN_POC_ID        쿠펀이 발급한 고객사 ID (test·production에서 필수, 최대 10바이트)
  COUFUN_URL           조회 URL 직접 지정 (기본: 환경별 쿠펀 URL, sandbox는 내장 서버)
  COUFUN_TIMEOUT_MS    쿠펀 응답 제한 시간, 재시도 포함 (기본 5000, 100–60000)
  COUFUN_CACHE_TTL_MS  같은 쿠폰의 성공 응답을 재사용하는 시간 (기본 15000, 0이면 끔)
  COUPON_GOODS         상품 목록 ID=상품명;ID=상품명 (상품명으로 입력 가능, 카드에 상품명 표시)
  COUPON_COMMAND       Slack의 슬래시 명령 이름 (기본 /coupon, 도움말의 명령 이름에만 쓰임)
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY
                       쿠펀으로 나가는 요청의 프록시 (쿠펀에 등록된 고정 IP로 나갈 때)
  NODE_EXTRA_CA_CERTS  추가로 신뢰할 CA 인증서 파일 (사내 프록시 등)
`;
}

const GROUP_TITLES: Readonly<Record<SandboxSeed['group'], string>> = {
  coupon: '쿠폰 (정상 응답)',
  'vendor-error': '쿠펀 오류 코드',
  fault: '전송 장애',
};

/**
 * `--list`: the sandbox's seeds grouped (coupons, vendor errors, transport faults), each with
 * what it shows and a ready-to-copy command. `npm run sandbox` prints the same listing.
 */
export function renderSeedList(seeds: readonly SandboxSeed[], goods: readonly { readonly id: string; readonly name: string }[]): string {
  const lines = ['샌드박스 예시 쿠폰 (COUFUN_ENV를 비우거나 sandbox로 두면 동작합니다)', '', '상품:'];
  lines.push(...goods.map((g) => `  ${g.id}  ${g.name}`));
  for (const group of Object.keys(GROUP_TITLES) as SandboxSeed['group'][]) {
    lines.push('', `${GROUP_TITLES[group]}:`);
    for (const seed of seeds.filter((s) => s.group === group)) {
      lines.push(`  ${seed.label}: ${seed.demonstrates}`, `    npm run lookup -- ${seed.goodsId} ${seed.barcode}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
