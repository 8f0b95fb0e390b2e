/**
 * The complaints the channel opens with, written the way CS staff paste them, each pointing at
 * a sandbox coupon: one with a phone number beside the barcode, one with grouped digits, one
 * naming no product (the shortcut asks in a form), one forwarded by a bot whose text sits only
 * in blocks. Plus one in the channel the bot is not permitted in.
 */
import { CHANNELS, type World, type WbUser } from './world.js';

export const SAMPLE_PEOPLE: readonly WbUser[] = [
  { id: 'U0WBCS01', name: 'seoyeon.park', realName: '박서연 (CS)', locale: 'ko-KR' },
  { id: 'U0WBCS02', name: 'doyun.lee', realName: '이도윤 (CS)', locale: 'ko-KR' },
];

export const TICKET_BOT = { botId: 'B0WBTICKET', username: 'CS 티켓봇' } as const;

/** Stable keys, for tests and docs to find a sample. */
export type SampleKey = 'phone' | 'grouped' | 'no_product' | 'forwarded' | 'elsewhere';

export interface Sample {
  readonly key: SampleKey;
  readonly channel: string;
  readonly user?: string;
  readonly bot?: typeof TICKET_BOT;
  readonly text: string;
  readonly blocks?: unknown[];
}

export const SAMPLES: readonly Sample[] = [
  {
    key: 'phone',
    channel: CHANNELS.triage.id,
    user: 'U0WBCS01',
    text: '[CS] 고객님이 배민 상품권 1만원 쿠폰 012345678902 가 가게에서 사용이 안 된다고 하십니다. 수신번호 010-9876-5432 로 받으셨대요. 잔액 확인 부탁드려요 :pray:',
  },
  {
    key: 'grouped',
    channel: CHANNELS.triage.id,
    user: 'U0WBCS02',
    text: '스타벅스 아메리카노 T 교환이 안 된다는 문의입니다. 쿠폰번호 0011-3351-8002 (고객 캡처 기준), 매장에서는 *이미 사용된 쿠폰* 이라고 나온답니다.',
  },
  {
    key: 'no_product',
    channel: CHANNELS.triage.id,
    user: 'U0WBCS01',
    text: '고객님 쿠폰 0123 4567 8901 이 결제 화면에서 계속 오류가 난다고 하세요. 어떤 상품권인지는 기억이 안 나신대요 :sweat_smile:',
  },
  {
    key: 'forwarded',
    channel: CHANNELS.triage.id,
    bot: TICKET_BOT,
    text: '',
    blocks: [
      {
        type: 'rich_text',
        block_id: 'ticket4821',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: '새 CS 티켓 #4821', style: { bold: true } },
              {
                type: 'text',
                text: '\n교촌 허니콤보 + 콜라 1.25L 쿠폰 004122900025 — 고객이 주문 내역이 여러 건으로 보인다고 문의했습니다.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'elsewhere',
    channel: CHANNELS.general.id,
    user: 'U0WBCS02',
    text: '여기서도 되나요? 배민 상품권 1만원 쿠폰 012345678901 확인 부탁드립니다.',
  },
];

/** Put the people and the sample messages into a fresh World (oldest first). */
export function seedSamples(world: World): Map<SampleKey, string> {
  for (const p of SAMPLE_PEOPLE) world.addUser(p);
  const ids = new Map<SampleKey, string>();
  for (const s of SAMPLES) {
    const m = world.post({
      channel: s.channel,
      threadTs: undefined,
      user: s.user,
      botId: s.bot?.botId,
      username: s.bot?.username,
      text: s.text,
      blocks: s.blocks,
      attachments: undefined,
      ephemeralFor: undefined,
      via: 'sample',
      raw: {
        type: 'message',
        text: s.text,
        ...(s.blocks ? { blocks: s.blocks } : {}),
        ...(s.user ? { user: s.user } : { bot_id: s.bot?.botId, username: s.bot?.username }),
      },
    });
    ids.set(s.key, m.id);
  }
  return ids;
}
