/** The summary in words, as label/value lines: the terminal prints them, the `.xlsx` has them on its second sheet. Pure. */
import { formatDuration, formatWon, translate, type Locale, type Translations } from '../../display/index.js';
import type { BulkSummary } from './summary.js';
import { bulkWords } from './words.js';

export interface SummaryLine {
  readonly label: string;
  readonly value: string;
}

interface SummaryWords {
  readonly outcome: Readonly<Record<BulkSummary['outcome'], string>>;
  readonly rows: (input: number, result: number, distinct: number) => string;
  readonly reasons: Readonly<Record<string, string>>;
  readonly labels: {
    readonly outcome: string;
    readonly rows: string;
    readonly verdicts: string;
    readonly reasons: string;
    readonly balance: string;
    readonly errors: string;
    readonly refused: string;
    readonly elapsed: string;
    readonly requests: string;
  };
  readonly requests: (requests: number, hits: number) => string;
  readonly none: string;
}

const WORDS: Translations<SummaryWords> = {
  ko: {
    outcome: { completed: '완료', stalled: '중단 (쿠펀 응답 없음)', cancelled: '중단됨' },
    rows: (i, r, d) => `입력 ${i}행 · 결과 ${r}행 · 서로 다른 쿠폰 ${d}개`,
    reasons: {
      usable: '미사용',
      partlyUsed: '부분 사용',
      used: '사용됨',
      cancelled: '취소됨',
      expired: '기간 만료',
      noBalance: '잔액 없음',
      check: '확인 필요',
    },
    labels: {
      outcome: '결과',
      rows: '행',
      verdicts: '판정',
      reasons: '사유',
      balance: '사용 가능 금액권 잔액 합계',
      errors: '오류 (코드별)',
      refused: '조회 전 거부된 행',
      elapsed: '걸린 시간',
      requests: '쿠펀 요청',
    },
    requests: (n, hits) => `${n}건 (캐시 ${hits}건)`,
    none: '없음',
  },
  en: {
    outcome: { completed: 'completed', stalled: 'stopped (Coufun not answering)', cancelled: 'stopped' },
    rows: (i, r, d) => `${i} input rows · ${r} result rows · ${d} distinct coupons`,
    reasons: {
      usable: 'unused',
      partlyUsed: 'partly used',
      used: 'used',
      cancelled: 'cancelled',
      expired: 'expired',
      noBalance: 'no balance',
      check: 'check needed',
    },
    labels: {
      outcome: 'Outcome',
      rows: 'Rows',
      verdicts: 'Verdicts',
      reasons: 'Reasons',
      balance: 'Balance left on usable amount vouchers',
      errors: 'Errors by code',
      refused: 'Rows refused before lookup',
      elapsed: 'Elapsed',
      requests: 'Coufun requests',
    },
    requests: (n, hits) => `${n} (${hits} from cache)`,
    none: 'none',
  },
};

const join = (parts: readonly string[], none: string): string => (parts.length > 0 ? parts.join(' · ') : none);

export function summaryLines(summary: BulkSummary, locale: Locale): SummaryLine[] {
  const w = translate(WORDS, locale);
  const verdictWords = bulkWords(locale).verdict;
  const verdicts = (Object.keys(summary.verdicts) as (keyof typeof summary.verdicts)[])
    .filter((v) => summary.verdicts[v] > 0)
    .map((v) => `${verdictWords[v]} ${summary.verdicts[v]}`);
  const reasons = Object.entries(summary.reasons).map(([r, n]) => `${w.reasons[r] ?? r} ${n}`);
  const errors = Object.entries(summary.errors).map(([code, n]) => `${code} ${n}`);
  return [
    { label: w.labels.outcome, value: w.outcome[summary.outcome] },
    { label: w.labels.rows, value: w.rows(summary.inputRows, summary.resultRows, summary.distinctItems) },
    { label: w.labels.verdicts, value: join(verdicts, w.none) },
    { label: w.labels.reasons, value: join(reasons, w.none) },
    { label: w.labels.balance, value: formatWon(summary.usableBalanceWon, locale) },
    { label: w.labels.errors, value: join(errors, w.none) },
    { label: w.labels.refused, value: String(summary.refused) },
    { label: w.labels.elapsed, value: formatDuration(summary.elapsedMs, locale) },
    { label: w.labels.requests, value: w.requests(summary.requests, summary.cacheHits) },
  ];
}
