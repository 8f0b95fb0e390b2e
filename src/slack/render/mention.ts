/**
 * The short replies a mention gets in its thread when it cannot be looked up as written: what
 * was missing (a coupon number, a known product, one product only, at most five numbers), how to
 * ask, and the message shortcut as the other way. Pure; nothing here reaches the vendor.
 */
import type { Catalog } from '../../config/catalog.js';
import { translate, type Locale, type Translations } from '../../display/index.js';
import { context, escapeMrkdwn, fallbackText, mention, section, unmark, type SlackMessage } from './blocks.js';

export type MentionProblem =
  /** Nothing usable: which of the two parts were not found. */
  | { readonly kind: 'missing'; readonly barcode: boolean; readonly goods: boolean }
  /** More than one catalog product named. */
  | { readonly kind: 'several_goods'; readonly names: readonly string[] }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number };

export interface MentionReplyInput {
  readonly problem: MentionProblem;
  readonly locale: Locale;
  /** Who mentioned the bot: the reply addresses them. */
  readonly requesterId: string;
  /** For the example and for knowing whether products can be named at all. */
  readonly catalog: Catalog;
}

/** Product names quoted in a reply, to keep it short. */
const NAMES_SHOWN = 3;

interface Words {
  readonly missing: (barcode: boolean, goods: boolean) => string;
  readonly severalGoods: (names: string) => string;
  readonly tooMany: (given: number, max: number) => string;
  readonly knownGoods: (names: string) => string;
  readonly howTo: (example: string) => string;
  readonly noCatalog: string;
  readonly shortcut: string;
  readonly nothingSent: string;
  /** The placeholders of the example `@coupon-bot <goods> <number>`. */
  readonly goodsPlaceholder: string;
  readonly numberPlaceholder: string;
}

const WORDS: Translations<Words> = {
  ko: {
    missing: (barcode, goods) =>
      barcode && goods ? '쿠폰번호와 상품을 찾지 못했습니다.' : barcode ? '쿠폰번호를 찾지 못했습니다.' : '어떤 상품인지 찾지 못했습니다.',
    severalGoods: (names) => `상품이 여러 개 적혀 있습니다 (${names}). 한 번에 상품 하나만 조회할 수 있습니다.`,
    tooMany: (given, max) => `쿠폰번호가 ${given}개 적혀 있습니다. 한 번에 ${max}개까지 조회할 수 있습니다.`,
    knownGoods: (names) => `상품명 예: ${names}`,
    howTo: (example) => `이렇게 물어봐 주세요: ${example}`,
    noCatalog: '이 봇에는 상품 목록(`COUPON_GOODS`)이 없어 멘션으로 상품을 알 수 없습니다.',
    shortcut: '또는 고객 문의 메시지의 ⋮ 메뉴 → *쿠폰 조회* 를 실행하세요.',
    nothingSent: '쿠펀에는 아무것도 조회하지 않았습니다.',
    goodsPlaceholder: '<상품명 또는 상품ID>',
    numberPlaceholder: '<쿠폰번호>',
  },
  en: {
    missing: (barcode, goods) =>
      barcode && goods
        ? 'No coupon number and no product found.'
        : barcode
          ? 'No coupon number found.'
          : 'Could not tell which product this is.',
    severalGoods: (names) => `Several products are named (${names}); one lookup covers one product.`,
    tooMany: (given, max) => `That is ${given} coupon numbers; at most ${max} can be looked up at once.`,
    knownGoods: (names) => `Products: ${names}`,
    howTo: (example) => `Ask like this: ${example}`,
    noCatalog: 'This bot has no product list (`COUPON_GOODS`), so a mention cannot name a product.',
    shortcut: 'Or run ⋮ → *쿠폰 조회* (look up coupon) on the complaint message.',
    nothingSent: 'Nothing was sent to Coufun.',
    goodsPlaceholder: '<product name or ID>',
    numberPlaceholder: '<coupon number>',
  },
};

/** The reply as a message for `chat.postMessage` in the mention's thread. */
export function renderMentionReply(input: MentionReplyInput): SlackMessage {
  const w = translate(WORDS, input.locale);
  const { problem, catalog } = input;
  const headline = headlineOf(problem, w);
  const names = catalog.entries.slice(0, NAMES_SHOWN).map((e) => escapeMrkdwn(e.name));
  const hints: string[] = [];
  if (catalog.entries.length === 0) {
    hints.push(w.noCatalog);
  } else {
    hints.push(w.howTo(`\`@coupon-bot ${escapeMrkdwn(w.goodsPlaceholder)} ${escapeMrkdwn(w.numberPlaceholder)}\``));
    if (problem.kind === 'missing' && problem.goods)
      hints.push(w.knownGoods(names.join(', ') + (catalog.entries.length > NAMES_SHOWN ? ' …' : '')));
  }
  hints.push(w.shortcut, w.nothingSent);
  const head = `${mention(input.requesterId)} :warning: ${headline}`;
  return {
    text: fallbackText([unmark(headline), ...hints.map(unmark)]),
    blocks: [section(head), context(hints)],
  };
}

function headlineOf(problem: MentionProblem, w: Words): string {
  switch (problem.kind) {
    case 'missing':
      return w.missing(problem.barcode, problem.goods);
    case 'several_goods':
      return w.severalGoods(problem.names.slice(0, NAMES_SHOWN).map(escapeMrkdwn).join(', '));
    case 'too_many_barcodes':
      return w.tooMany(problem.given, problem.max);
  }
}
