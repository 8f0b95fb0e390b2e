/**
 * Words only the Slack app needs (buttons, card footer, modal), in Korean and English. Coupon,
 * status, error and environment words come from `src/display`; notices are in `notice-strings.ts`.
 * Templates may take mrkdwn arguments (a `<@U…>` mention) but add no markup of their own.
 */
import { translate, type Locale, type Translations } from '../../display/index.js';
import type { CardAction } from './actions.js';

export interface SlackWords {
  readonly button: Readonly<Record<CardAction, string>>;
  readonly card: {
    /** Footer: who asked (private card). */
    readonly requestedBy: (who: string) => string;
    /** Footer: who shared the card to the channel. */
    readonly sharedBy: (who: string) => string;
    /** Footer: who ran the shortcut that posted the card in a thread. */
    readonly checkedBy: (who: string) => string;
    /** Banner beside the sandbox label at the top of a sandbox card. */
    readonly sandboxWarning: string;
    /** Above the compact layout. */
    readonly compactNote: string;
    /** Orders left off a card that would not fit. */
    readonly notShown: (count: number) => string;
    /** Several answers of one request came from the cache. */
    readonly cachedCount: (cached: number, total: number) => string;
  };
  readonly modal: {
    readonly title: string;
    readonly submit: string;
    readonly close: string;
    readonly goodsLabel: string;
    readonly goodsSelectPlaceholder: string;
    readonly goodsInputPlaceholder: string;
    readonly goodsHint: string;
    readonly barcodesLabel: (max: number) => string;
    readonly barcodesPlaceholder: string;
    readonly barcodesHint: string;
    /** Under the barcodes box when nothing was found in the message. */
    readonly barcodesEmptyHint: string;
    /** Several catalog goods are named in the message. */
    readonly severalGoods: (names: readonly string[]) => string;
  };
}

const KO: SlackWords = {
  button: { share: '채널에 공유', refresh: '새로고침', retry: '다시 시도' },
  card: {
    requestedBy: (who) => `요청: ${who}`,
    sharedBy: (who) => `공유: ${who}`,
    checkedBy: (who) => `확인: ${who}`,
    sandboxWarning: '실제 쿠폰 정보가 아닙니다',
    compactNote: '주문이 많아 요약해서 보여 드립니다.',
    notShown: (n) => `주문 ${n}건은 표시하지 못했습니다. 쿠폰번호를 하나씩 조회해 주세요.`,
    cachedCount: (cached, total) => `캐시된 응답 ${cached}/${total}건`,
  },
  modal: {
    title: '쿠폰 조회',
    submit: '조회',
    close: '취소',
    goodsLabel: '상품',
    goodsSelectPlaceholder: '상품을 고르세요',
    goodsInputPlaceholder: '상품 ID',
    goodsHint: '쿠폰을 판매한 상품입니다.',
    barcodesLabel: (max) => `쿠폰번호 (한 줄에 하나, 최대 ${max}개)`,
    barcodesPlaceholder: '012345678901',
    barcodesHint: '메시지에서 찾은 번호입니다. 확인하고 고쳐 주세요.',
    barcodesEmptyHint: '쿠폰에 적힌 번호를 한 줄에 하나씩 입력하세요. 하이픈과 띄어쓰기는 있어도 됩니다.',
    severalGoods: (names) => `메시지에 상품이 여러 개 있습니다 (${names.join(', ')}). 조회할 상품을 골라 주세요.`,
  },
};

const EN: SlackWords = {
  button: { share: 'Share in channel', refresh: 'Refresh', retry: 'Retry' },
  card: {
    requestedBy: (who) => `Requested by ${who}`,
    sharedBy: (who) => `Shared by ${who}`,
    checkedBy: (who) => `Checked by ${who}`,
    sandboxWarning: 'not real coupon data',
    compactNote: 'Many orders: showing a summary.',
    notShown: (n) => `${n} more ${n === 1 ? 'order' : 'orders'} not shown. Look the coupon numbers up one at a time.`,
    cachedCount: (cached, total) => `${cached} of ${total} answers cached`,
  },
  modal: {
    title: 'Look up coupons',
    submit: 'Look up',
    close: 'Cancel',
    goodsLabel: 'Product',
    goodsSelectPlaceholder: 'Choose a product',
    goodsInputPlaceholder: 'Goods ID',
    goodsHint: 'The product the coupon was sold as.',
    barcodesLabel: (max) => `Coupon numbers (one per line, up to ${max})`,
    barcodesPlaceholder: '012345678901',
    barcodesHint: 'Found in the message: check and correct them.',
    barcodesEmptyHint: 'Type the numbers printed on the coupons, one per line (hyphens and spaces are fine).',
    severalGoods: (names) => `The message names several products (${names.join(', ')}). Choose one.`,
  },
};

const SLACK_WORDS: Translations<SlackWords> = { ko: KO, en: EN };

/** The Slack-only words for `locale`. */
export function slackWords(locale: Locale): SlackWords {
  return translate(SLACK_WORDS, locale);
}
