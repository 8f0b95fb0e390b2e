/**
 * Words for the private notices (usage, bad input, refusals, fallbacks) in Korean and English.
 * Templates receive already-escaped mrkdwn arguments and add only their own markup; a literal
 * `<`, `>` or `&` in a template is written as an entity, or Slack would read `<…>` as a link.
 */
import { translate, type Locale, type Translations } from '../../display/index.js';

export interface NoticeWords {
  readonly help: {
    readonly title: string;
    readonly usage: (command: string) => string;
    readonly examples: (command: string) => string;
    readonly goodsTitle: string;
    readonly noCatalog: string;
    readonly shortcut: string;
    readonly privacy: string;
  };
  readonly missingBarcode: (usage: string) => string;
  readonly tooManyBarcodes: (given: number, max: number) => string;
  readonly invalidTitle: string;
  readonly position: (n: number) => string;
  readonly channelRefused: (channel: string, id: string) => string;
  readonly channelNeeded: (command: string) => string;
  readonly rateLimited: (seconds: number) => string;
  readonly botNotInChannel: (channel: string) => string;
  readonly threadPostFailed: (reason: string) => string;
  /** Why a thread post failed, when Slack kept rate-limiting the bot. */
  readonly slackRateLimited: string;
  readonly nothingFound: string;
  readonly expiredAction: string;
  readonly internalError: (ref: string) => string;
  readonly modalTitle: string;
  readonly modalClose: string;
}

const KO: NoticeWords = {
  help: {
    title: '쿠펀 쿠폰 조회',
    usage: (c) => `\`${c} &lt;상품ID 또는 상품명&gt; &lt;쿠폰번호&gt; [쿠폰번호…]\``,
    examples: (c) => `예: \`${c} 0000999999 012345678902\`   ·   쿠폰번호는 한 번에 5개까지`,
    goodsTitle: '이 팀의 상품',
    noCatalog: '상품 ID는 쿠펀 발주 정보의 GOODS_ID(최대 10자리)입니다.',
    shortcut:
      '고객 문의 메시지의 ⋮ 메뉴 → *쿠폰 조회* 로 메시지 속 쿠폰번호를 바로 조회할 수도 있습니다. 스레드 안에서는 `@coupon-bot &lt;상품&gt; &lt;쿠폰번호&gt;` 로 멘션하면 그 스레드에 결과 카드가 달립니다 (스레드의 모두에게 보임).',
    privacy: '결과는 나에게만 보입니다. 필요하면 카드의 *채널에 공유* 를 누르세요. 수신번호는 항상 가려집니다.',
  },
  missingBarcode: (usage) =>
    usage ? `쿠폰번호가 없습니다. 상품 다음에 쿠폰번호를 적어 주세요: ${usage}` : '쿠폰번호를 하나 이상 입력해 주세요.',
  tooManyBarcodes: (given, max) => `쿠폰번호를 ${given}개 적으셨습니다. 한 번에 ${max}개까지 조회할 수 있습니다.`,
  invalidTitle: '입력값을 확인해 주세요',
  position: (n) => `${n}번째 쿠폰번호`,
  channelRefused: (channel, id) =>
    `${channel}에서는 쿠폰 조회를 쓸 수 없습니다. 이 채널이 필요하면 봇 운영자에게 채널 ID \`${id}\`를 \`ALLOWED_CHANNEL_IDS\`에 추가해 달라고 요청하세요. 쿠펀에는 아무것도 조회하지 않았습니다.`,
  channelNeeded: (c) =>
    `쿠폰 조회는 조회가 허용된 채널 안에서만 할 수 있습니다. 그 채널에서 \`${c}\`를 쓰거나 고객 문의 메시지의 ⋮ 메뉴 → *쿠폰 조회* 를 눌러 주세요. 쿠펀에는 아무것도 조회하지 않았습니다.`,
  rateLimited: (s) => `조회가 너무 잦습니다. ${s}초 후에 다시 시도해 주세요. 쿠펀 조회 한도를 지키기 위한 제한입니다.`,
  botNotInChannel: (channel) =>
    `봇이 ${channel}에 들어가 있지 않아 스레드에 답하지 못했습니다. 채널에서 \`/invite @coupon-bot\`으로 초대해 주세요. 이번 결과는 아래에 나에게만 보여 드립니다.`,
  threadPostFailed: (reason) => `스레드에 답을 올리지 못했습니다 (${reason}). 이번 결과는 아래에 나에게만 보여 드립니다.`,
  slackRateLimited: 'Slack이 잠시 전송을 제한했습니다',
  nothingFound: '메시지에서 쿠폰번호를 찾지 못했습니다. 쿠폰번호를 직접 입력해 주세요.',
  expiredAction: '이 버튼이나 창은 더 이상 쓸 수 없습니다 (봇이 바뀌었거나 오래된 요청입니다). 다시 조회해 주세요.',
  internalError: (ref) => `예상하지 못한 오류로 처리하지 못했습니다. 봇 운영자에게 참조 번호 \`${ref}\`를 알려 주세요.`,
  modalTitle: '쿠폰 조회',
  modalClose: '닫기',
};

const EN: NoticeWords = {
  help: {
    title: 'Coufun coupon lookup',
    usage: (c) => `\`${c} &lt;goods ID or name&gt; &lt;coupon number&gt; [coupon number…]\``,
    examples: (c) => `Example: \`${c} 0000999999 012345678902\`   ·   up to 5 coupon numbers at once`,
    goodsTitle: "This team's products",
    noCatalog: 'The goods ID is the GOODS_ID of the Coufun order (up to 10 characters).',
    shortcut:
      'You can also use ⋮ → *쿠폰 조회* (look up coupon) on a complaint message to check the numbers in it. Inside a thread, mention `@coupon-bot &lt;goods&gt; &lt;coupon number&gt;` and the card is posted in that thread (visible to everyone there).',
    privacy: 'Only you see the result; press *Share in channel* on the card to show it. Phone numbers are always masked.',
  },
  missingBarcode: (usage) =>
    usage ? `No coupon number. Put the coupon number after the goods: ${usage}` : 'Enter at least one coupon number.',
  tooManyBarcodes: (given, max) => `You gave ${given} coupon numbers; at most ${max} can be looked up at once.`,
  invalidTitle: 'Please check your input',
  position: (n) => `coupon number ${n}`,
  channelRefused: (channel, id) =>
    `Coupon lookups are not enabled in ${channel}. If this channel needs them, ask the bot's operator to add channel ID \`${id}\` to \`ALLOWED_CHANNEL_IDS\`. Nothing was sent to Coufun.`,
  channelNeeded: (c) =>
    `Coupon lookups work only inside a channel where they are enabled. Use \`${c}\` there, or ⋮ → *쿠폰 조회* (look up coupon) on a complaint message. Nothing was sent to Coufun.`,
  rateLimited: (s) => `Too many lookups. Try again in ${s} s. This limit protects the team's Coufun quota.`,
  botNotInChannel: (channel) =>
    `The bot is not a member of ${channel}, so it could not reply in the thread. Invite it with \`/invite @coupon-bot\`. Here is the result, visible only to you.`,
  threadPostFailed: (reason) => `Could not reply in the thread (${reason}). Here is the result, visible only to you.`,
  slackRateLimited: 'Slack is rate-limiting the bot',
  nothingFound: 'No coupon number found in the message. Please type the coupon numbers.',
  expiredAction: 'This button or form no longer works (the bot changed or the request is old). Please look the coupon up again.',
  internalError: (ref) => `Something unexpected went wrong. Please give the bot's operator reference \`${ref}\`.`,
  modalTitle: 'Coupon lookup',
  modalClose: 'Close',
};

const NOTICE_WORDS: Translations<NoticeWords> = { ko: KO, en: EN };

/** The notice words for `locale`. */
export function noticeWords(locale: Locale): NoticeWords {
  return translate(NOTICE_WORDS, locale);
}
