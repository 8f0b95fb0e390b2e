/**
 * Words for coupons, statuses, types and environments, in Korean (default) and English.
 * Every user-facing label of a coupon lives here; error wording lives in `error-text.ts`.
 */
import type { CouponStatus, CouponType, CoufunEnv } from '../coufun/types.js';

import { translate, type Locale, type Translations } from './i18n.js';
import { stripInvisible } from './vendor-text.js';

/** A visual cue for a coupon's state (colour, emoji): renderers map tones, not labels. */
export type Tone = 'available' | 'partial' | 'used' | 'cancelled' | 'expired' | 'unknown';

/** A status as shown: words plus the tone a renderer colours it with. */
export interface StatusLabel {
  readonly label: string;
  readonly tone: Tone;
}

/** The label dictionary for one locale. Parametrised phrases are functions. */
export interface Labels {
  /** Field names, as row labels. */
  readonly field: {
    readonly goodsId: string;
    readonly type: string;
    readonly status: string;
    readonly barcode: string;
    readonly expiry: string;
    readonly balance: string;
    readonly total: string;
    readonly used: string;
    readonly orderDate: string;
    readonly exchangedAt: string;
    readonly cancelledAt: string;
    readonly receiver: string;
    readonly environment: string;
  };
  readonly status: {
    readonly unused: string;
    readonly used: string;
    readonly cancelled: string;
    readonly expired: string;
    /** The vendor sent no STATUS at all. */
    readonly missing: string;
    readonly unknown: (raw: string) => string;
    /** An amount voucher with less than its face value left. */
    readonly partlyUsed: string;
    /** The same as a detail row: the vendor's own code stays visible. */
    readonly partial: (raw: string, vendorWords: string) => string;
    /** An amount voucher with nothing left while the vendor still says unused (000). */
    readonly spent: string;
    /** The same as a detail row: the vendor's own code stays visible. */
    readonly spentDetail: (raw: string, vendorWords: string) => string;
  };
  readonly type: {
    readonly exchange: string;
    readonly amount: string;
    readonly missing: string;
    readonly unknown: (raw: string) => string;
  };
  readonly env: Readonly<Record<CoufunEnv, string>>;
  /** The expiry date relative to today (KST calendar days). */
  readonly expiry: {
    readonly daysLeft: (days: number) => string;
    readonly today: string;
    readonly expiredAgo: (days: number) => string;
  };
  /** The one-line answer to "can the customer use it now?" (see verdict.ts). */
  readonly verdict: {
    readonly usable: string;
    readonly unusable: string;
    readonly check: string;
    readonly balance: (remain: string) => string;
    readonly partly: (remain: string, total: string) => string;
    readonly validUntil: (expiry: string) => string;
    readonly noExpiry: string;
    readonly used: (when: string | null) => string;
    readonly cancelled: (when: string | null) => string;
    readonly expired: (date: string, ago: string | null) => string;
    readonly noBalance: string;
    /** A failed lookup: the card cannot say. */
    readonly failed: string;
  };
  /** The line above several orders of one coupon number. */
  readonly orders: {
    readonly summary: (count: number, parts: string) => string;
    readonly vendorSequence: string;
    readonly category: Readonly<Record<'usable' | 'used' | 'cancelled' | 'expired' | 'noBalance' | 'check', string>>;
  };
  /** Notices around a card. */
  readonly notice: {
    /** Shown prominently whenever the sandbox answered. */
    readonly sandbox: string;
    /** Which of several orders one barcode returned. */
    readonly orderOf: (n: number, count: number) => string;
  };
  /** Where and when an answer came from (card footer). */
  readonly meta: {
    readonly answeredAt: (kstTime: string) => string;
    readonly latency: (duration: string) => string;
    readonly cacheHit: string;
  };
}

const KO: Labels = {
  field: {
    goodsId: '상품 ID',
    type: '유형',
    status: '상태',
    barcode: '쿠폰번호',
    expiry: '유효기간',
    balance: '잔액',
    total: '총 금액',
    used: '사용 금액',
    orderDate: '주문일',
    exchangedAt: '교환일시',
    cancelledAt: '취소일시',
    receiver: '수신번호',
    environment: '환경',
  },
  status: {
    unused: '미사용',
    used: '사용',
    cancelled: '취소',
    expired: '기간만료',
    missing: '상태 정보 없음',
    unknown: (raw) => `알 수 없는 상태(${raw})`,
    partlyUsed: '부분 사용',
    partial: (raw, words) => `부분 사용 (쿠펀 상태 ${raw} ${words})`,
    spent: '전액 사용',
    spentDetail: (raw, words) => `전액 사용 (쿠펀 상태 ${raw} ${words})`,
  },
  type: {
    exchange: '교환권',
    amount: '금액권',
    missing: '유형 정보 없음',
    unknown: (raw) => `알 수 없는 유형(${raw})`,
  },
  env: { sandbox: '샌드박스 (모의 데이터)', test: '테스트 서버', production: '운영' },
  expiry: {
    daysLeft: (days) => `${days}일 남음`,
    today: '오늘까지',
    expiredAgo: (days) => `${days}일 전 만료`,
  },
  verdict: {
    usable: '사용 가능',
    unusable: '사용 불가',
    check: '확인 필요',
    balance: (remain) => `잔액 ${remain}`,
    partly: (remain, total) => `부분 사용 · 잔액 ${remain} / ${total}`,
    validUntil: (expiry) => `유효기간 ${expiry}`,
    noExpiry: '유효기간 정보 없음',
    used: (when) => (when ? `사용됨 (${when})` : '사용됨'),
    cancelled: (when) => (when ? `취소됨 (${when})` : '취소됨'),
    expired: (date, ago) => `기간 만료 (${date}까지 유효${ago ? `, ${ago}` : ''})`,
    noBalance: '잔액 없음 (0원)',
    failed: '사용 가능 여부 확인 불가',
  },
  orders: {
    summary: (count, parts) => `${count}건: ${parts}`,
    vendorSequence: '쿠펀이 보낸 순서대로 보여 드립니다.',
    category: { usable: '사용 가능', used: '사용', cancelled: '취소', expired: '기간 만료', noBalance: '잔액 없음', check: '확인 필요' },
  },
  notice: {
    sandbox: '※ 샌드박스 (모의 데이터): 실제 쿠폰이 아니라 봇에 내장된 모의 서버의 응답입니다.',
    orderOf: (n, count) => `주문 ${n}/${count}`,
  },
  meta: {
    answeredAt: (time) => `${time} KST 기준`,
    latency: (duration) => `쿠펀 응답 ${duration}`,
    cacheHit: '캐시된 응답',
  },
};

const EN: Labels = {
  field: {
    goodsId: 'Goods ID',
    type: 'Type',
    status: 'Status',
    barcode: 'Coupon number',
    expiry: 'Valid until',
    balance: 'Balance',
    total: 'Face value',
    used: 'Used',
    orderDate: 'Ordered',
    exchangedAt: 'Exchanged',
    cancelledAt: 'Cancelled',
    receiver: 'Recipient',
    environment: 'Environment',
  },
  status: {
    unused: 'Unused',
    used: 'Used',
    cancelled: 'Cancelled',
    expired: 'Expired',
    missing: 'No status given',
    unknown: (raw) => `Unknown status (${raw})`,
    partlyUsed: 'Partly used',
    partial: (raw, words) => `Partly used (Coufun status ${raw}: ${words})`,
    spent: 'Fully used',
    spentDetail: (raw, words) => `Fully used (Coufun status ${raw}: ${words})`,
  },
  type: {
    exchange: 'Exchange voucher',
    amount: 'Stored-value voucher',
    missing: 'No type given',
    unknown: (raw) => `Unknown type (${raw})`,
  },
  env: { sandbox: 'Sandbox (simulated data)', test: 'Vendor test server', production: 'Production' },
  expiry: {
    daysLeft: (days) => `${days} ${days === 1 ? 'day' : 'days'} left`,
    today: 'expires today',
    expiredAgo: (days) => `expired ${days} ${days === 1 ? 'day' : 'days'} ago`,
  },
  verdict: {
    usable: 'Usable',
    unusable: 'Not usable',
    check: 'Check needed',
    balance: (remain) => `balance ${remain}`,
    partly: (remain, total) => `partly used · balance ${remain} of ${total}`,
    validUntil: (expiry) => `valid until ${expiry}`,
    noExpiry: 'no expiry date given',
    used: (when) => (when ? `used on ${when}` : 'used'),
    cancelled: (when) => (when ? `cancelled on ${when}` : 'cancelled'),
    expired: (date, ago) => `expired: valid until ${date}${ago ? `, ${ago}` : ''}`,
    noBalance: 'no balance left (₩0)',
    failed: 'Cannot tell whether it can be used',
  },
  orders: {
    summary: (count, parts) => `${count} orders: ${parts}`,
    vendorSequence: 'Shown in the order Coufun sent them.',
    category: {
      usable: 'usable',
      used: 'used',
      cancelled: 'cancelled',
      expired: 'expired',
      noBalance: 'no balance',
      check: 'check needed',
    },
  },
  notice: {
    sandbox: '※ Sandbox (simulated data): these are not real coupons but answers from the built-in simulator.',
    orderOf: (n, count) => `order ${n} of ${count}`,
  },
  meta: {
    answeredAt: (time) => `as of ${time} KST`,
    latency: (duration) => `Coufun answered in ${duration}`,
    cacheHit: 'cached answer',
  },
};

const LABELS: Translations<Labels> = { ko: KO, en: EN };

/** The label dictionary for `locale`. */
export function t(locale: Locale): Labels {
  return translate(LABELS, locale);
}

/**
 * A coupon's status as shown. `expired` (the order's `expired` flag: unused but past its
 * validity) wins over the vendor's "unused". An unknown code is shown raw and flagged; a missing
 * status falls back to `rawStatus` (the vendor's text) when there is one.
 */
export function statusLabel(status: CouponStatus | null, expired: boolean, locale: Locale, rawStatus?: string): StatusLabel {
  const words = t(locale).status;
  if (expired) return { label: words.expired, tone: 'expired' };
  switch (status?.kind) {
    case 'unused':
      return { label: words.unused, tone: 'available' };
    case 'used':
      return { label: words.used, tone: 'used' };
    case 'cancelled':
      return { label: words.cancelled, tone: 'cancelled' };
    case 'unknown':
      return { label: words.unknown(stripInvisible(status.raw)), tone: 'unknown' };
    default:
      return { label: rawStatus ? words.unknown(stripInvisible(rawStatus)) : words.missing, tone: 'unknown' };
  }
}

/** A coupon type as shown: 금액권 / 교환권, an unknown code raw and flagged. */
export function typeLabel(type: CouponType | null, locale: Locale, rawType?: string): string {
  const words = t(locale).type;
  switch (type?.kind) {
    case 'exchange':
      return words.exchange;
    case 'amount':
      return words.amount;
    case 'unknown':
      return words.unknown(stripInvisible(type.raw));
    default:
      return rawType ? words.unknown(stripInvisible(rawType)) : words.missing;
  }
}

/** Which Coufun environment answered; the sandbox reads as simulated data. */
export function envLabel(env: CoufunEnv, locale: Locale): string {
  return t(locale).env[env];
}
