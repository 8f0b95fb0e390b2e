/**
 * `/coupon` end to end: a signed slash command to the real Bolt HTTP receiver, the ack, and the
 * private card the bot later posts to the response_url, answered by the built-in sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, startHarness, type Harness } from '../../support/bot-harness.js';
import { buttonsOf, buttonValue, readable, userIds, vendorCount, visibleBlocks } from '../../support/command-helpers.js';

const AMERICANO = '0000133518';
const BAEMIN = '0000999999';
const CU = '0000250117';
const KYOCHON = '0000412290';
const TOMYUM = '0000777001';

const nextUser = userIds('CMD');

/** Ask with a fresh user and return the first post to the command's response_url. */
async function ask(
  h: Harness,
  text: string,
  user = nextUser(),
): Promise<{ ack: { status: number; body: string }; card: Record<string, unknown> }> {
  const { status, body, responseUrl } = await h.command({ text, user });
  const card = await h.slack.post(responseUrl);
  return { ack: { status, body }, card };
}

describe('/coupon against the sandbox', () => {
  let h: Harness;
  let releaseGated: () => void = () => undefined;
  const gated = new Promise<void>((r) => {
    releaseGated = r;
  });

  beforeAll(async () => {
    // No answer cache here: every test counts its own vendor requests (buttons.test.ts covers the cache).
    h = await startHarness({ COUFUN_CACHE_TTL_MS: '0' });
    // users.info as the fake answers it, except: U0GATED waits until the test lets it go (to see
    // the ack arrive before the card can), U0NOSCOPE fails like an app without users:read.
    h.slack.on('users.info', async (params) => {
      const user = String(params.user);
      if (user === 'U0GATED') await gated;
      if (user === 'U0NOSCOPE') return { body: { ok: false, error: 'missing_scope', needed: 'users:read' } };
      return { body: { ok: true, user: { id: user, locale: h.slack.locales.get(user) ?? 'ko-KR' } } };
    });
  });
  afterAll(async () => {
    releaseGated();
    await h?.close();
  });

  it('acks with an empty HTTP 200 before the card exists, then posts the card privately to the response_url', async () => {
    const { status, body, responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, user: 'U0GATED' });

    expect(status).toBe(200);
    expect(body).toBe('');
    // The listener is now waiting on users.info: the ack cannot have waited for the card.
    await expect.poll(() => h.slack.callsTo('users.info').some((c) => c.params.user === 'U0GATED')).toBe(true);
    expect(h.slack.postsTo(responseUrl)).toHaveLength(0);

    releaseGated();
    const card = await h.slack.post(responseUrl);
    expect(card.response_type).toBe('ephemeral');
    expect(allText(card)).toContain('스타벅스 아메리카노 T');
    expect(h.slack.postsTo(responseUrl)).toHaveLength(1);
  });

  describe.each([
    {
      what: '금액권 · 미사용',
      goods: BAEMIN,
      barcode: '012345678901',
      facts: ['배민 상품권 1만원', '금액권', '🟢 미사용', '10,000원', '010-****-5678'],
    },
    {
      what: '금액권 · 일부 사용',
      goods: BAEMIN,
      barcode: '012345678902',
      facts: [
        '🟡 *사용 가능* · 부분 사용 · 잔액 2,500원 / 10,000원',
        '금액권',
        '🟡 부분 사용 (쿠펀 상태 000 미사용)',
        '2,500원',
        '총 금액 10,000원',
        '사용 금액 7,500원',
        '010-****-5432',
        '교환일시',
      ],
    },
    {
      what: '금액권 · 전액 사용',
      goods: CU,
      barcode: '012345678903',
      facts: ['CU 모바일상품권 5천원', '금액권', '⚪ 사용', '0원 (총 금액 5,000원'],
    },
    {
      what: '교환권 · 미사용',
      goods: AMERICANO,
      barcode: '001133518001',
      facts: ['스타벅스 아메리카노 T', '교환권', '🟢 미사용', '60일 남음'],
    },
    { what: '교환권 · 사용 완료', goods: AMERICANO, barcode: '001133518002', facts: ['교환권', '⚪ 사용', '교환일시', '010-****-4444'] },
    { what: '교환권 · 취소', goods: AMERICANO, barcode: '001133518003', facts: ['교환권', '🔴 취소', '취소일시'] },
    {
      what: '교환권 · 기간 만료',
      goods: KYOCHON,
      barcode: '004122900017',
      facts: ['교촌 허니콤보 + 콜라 1.25L', '🟠 기간만료', '1일 전 만료'],
    },
    { what: '주문 1건 (ORDER_INFO)', goods: KYOCHON, barcode: '004122900033', facts: ['교환권', '🟢 미사용'] },
    { what: '옛 011 번호', goods: BAEMIN, barcode: '009999900011', facts: ['금액권', '011-***-4567'] },
    { what: '알 수 없는 상태', goods: AMERICANO, barcode: '001133518005', facts: ['알 수 없는 상태(200)'] },
    { what: '알 수 없는 쿠폰 타입', goods: BAEMIN, barcode: '012345678905', facts: ['알 수 없는 유형(POINT)'] },
    { what: '태그 변형', goods: AMERICANO, barcode: '001133518004', facts: ['교환권', '🟢 미사용', '010-****-8888'] },
    { what: 'CP949 메시지', goods: TOMYUM, barcode: '007770010001', facts: ['똠양꿍 밀키트 교환권', '교환권'] },
  ])('$what ($barcode)', ({ goods, barcode, facts }) => {
    it('shows every fact on an ephemeral sandbox card, with the coupon number and phone masked', async () => {
      const before = vendorCount(h, barcode);
      const user = nextUser();
      const { ack, card } = await ask(h, `${goods} ${barcode}`, user);

      expect(ack).toEqual({ status: 200, body: '' });
      expect(card.response_type).toBe('ephemeral');
      const text = allText(card);
      for (const fact of facts) expect(text).toContain(fact);
      expect(text).toContain('샌드박스 (모의 데이터)');
      expect(text).toContain(`요청: <@${user}>`);
      expect(text).toContain(`••••${barcode.slice(-4)}`);
      // What a person reads never has the whole bearer number (the buttons carry it for the click).
      const visible = allText(visibleBlocks(card));
      expect(visible).not.toContain(barcode);
      expect(visible).not.toMatch(/01[016789]\d{7,8}/);
      expect(buttonsOf(card).map((b) => b.action_id)).toEqual(['coupon_share', 'coupon_refresh']);
      expect(JSON.parse(buttonValue(card, 'coupon_refresh'))).toEqual({ g: goods, b: [barcode] });
      expect(vendorCount(h, barcode)).toBe(before + 1);
    });
  });

  it('shows all three orders of one barcode', async () => {
    const { card } = await ask(h, `${KYOCHON} 004122900025`);

    const text = allText(card);
    for (const n of [1, 2, 3]) expect(text).toContain(`교촌 허니콤보 + 콜라 1.25L (${n}/3)`);
    expect(text).toContain('🟢 미사용');
    expect(text).toContain('⚪ 사용');
    expect(text).toContain('🔴 취소');
  });

  it('answers several barcodes in one card, in request order, with one vendor request each', async () => {
    const barcodes = ['001133518001', '001133518002', '001133518003'];
    const before = barcodes.map((b) => vendorCount(h, b));
    const { card } = await ask(h, `${AMERICANO} ${barcodes.join(' ')}`);

    const text = allText(visibleBlocks(card));
    const at = ['••••8001', '••••8002', '••••8003'].map((m) => text.indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('🟢 미사용');
    expect(text).toContain('⚪ 사용');
    expect(text).toContain('🔴 취소');
    expect(JSON.parse(buttonValue(card, 'coupon_refresh'))).toEqual({ g: AMERICANO, b: barcodes });
    expect(barcodes.map((b) => vendorCount(h, b))).toEqual(before.map((n) => n + 1));
  });

  it('looks a barcode given twice up once', async () => {
    const before = vendorCount(h, '012345678903');
    const { card } = await ask(h, `${CU} 012345678903 012345678903`);

    expect(allText(visibleBlocks(card)).match(/••••8903/g)).toHaveLength(1);
    expect(JSON.parse(buttonValue(card, 'coupon_refresh'))).toEqual({ g: CU, b: ['012345678903'] });
    expect(vendorCount(h, '012345678903')).toBe(before + 1);
  });

  it('logs, instead of crashing, when the response_url no longer takes the card', async () => {
    const user = nextUser();
    h.slack.responseStatus = 404;
    try {
      const { status, responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, user });
      expect(status).toBe(200);
      await h.slack.post(responseUrl);
      await expect.poll(() => h.logs.some((l) => l.msg === 'respond_failed' && l.user === user && l.entry === 'command')).toBe(true);
    } finally {
      h.slack.responseStatus = 200;
    }
    // The bot is still answering.
    const { card } = await ask(h, `${AMERICANO} 001133518001`);
    expect(card.response_type).toBe('ephemeral');
  });

  describe.each([
    {
      barcode: 'ERR01-IP',
      code: '01',
      message: '등록되지 않은 IP입니다.',
      title: '쿠펀 응답: 등록되지 않은 IP (코드 01)',
      hint: '봇 서버의 IP가 쿠펀에 등록되어 있지 않습니다. 봇 설정 문제이니 봇 운영자에게 알려 주세요.',
      emoji: '🛠️',
    },
    {
      barcode: 'ERR98-PERM',
      code: '98',
      message: 'API 사용 권한이 없습니다.',
      title: '쿠펀 응답: API 권한 없음 (코드 98)',
      hint: '봇 운영자에게 알려 주세요.',
      emoji: '🛠️',
    },
    {
      barcode: 'ERR09-LIMIT',
      code: '09',
      message: '해당 상품번호의 조회 횟수를 초과하였습니다.',
      title: '쿠펀 응답: 조회 횟수 초과 (코드 09)',
      hint: '잠시 후 다시 시도해 주세요.',
      emoji: '⚠️',
    },
    {
      barcode: 'ERR17-USED',
      code: '17',
      message: '이미 사용된 쿠폰입니다.',
      title: '쿠펀 응답: 이미 사용된 쿠폰 (코드 17)',
      hint: '다시 사용할 수 없습니다.',
      emoji: '⚠️',
    },
    {
      barcode: 'ERR99-SYSTEM',
      code: '99',
      message: '시스템 오류가 발생하였습니다.',
      title: '쿠펀 응답: 기타 시스템 오류 (코드 99)',
      hint: '쿠펀 쪽 오류입니다.',
      emoji: '❓',
    },
    {
      barcode: 'ERR77-UNKNOWN',
      code: '77',
      message: '처리 중 알 수 없는 오류가 발생하였습니다.',
      title: '쿠펀 응답: 알 수 없는 코드 77',
      hint: '봇이 모르는 결과 코드(77)',
      emoji: '❓',
    },
  ])('vendor code $code ($barcode)', ({ barcode, code, message, title, hint, emoji }) => {
    it('shows the code, the vendor message verbatim and who should act, without a retry button', async () => {
      const { card } = await ask(h, `${AMERICANO} ${barcode}`);

      expect(card.response_type).toBe('ephemeral');
      const text = allText(card);
      expect(text).toContain(`${emoji} *${code === '17' ? '사용 불가 · 이미 사용됨' : '사용 가능 여부 확인 불가'}* · *${title}*`);
      expect(text).toContain(`> ${message}`);
      expect(text).toContain(hint);
      // A problem only the operator can fix (🛠️) is nothing to share with the channel.
      expect(buttonsOf(card).map((b) => b.action_id)).toEqual(emoji === '🛠️' ? ['coupon_refresh'] : ['coupon_share', 'coupon_refresh']);
    });
  });

  it('shows an HTTP 500 as a transient Coufun server error with a retry button for that barcode', async () => {
    const before = vendorCount(h, 'FAULT-500');
    const { card } = await ask(h, `${AMERICANO} FAULT-500`);

    const text = allText(card);
    expect(text).toContain('⏳ *사용 가능 여부 확인 불가* · *쿠펀 서버 오류*');
    expect(text).toContain('HTTP 500');
    expect(text).toContain('잠시 후 다시 시도해 주세요');
    // The error page itself never reaches the card.
    expect(text).not.toContain('Internal Server Error');
    // One way to look again: 다시 시도 instead of 새로고침.
    expect(buttonsOf(card).map((b) => b.action_id)).toEqual(['coupon_share', 'coupon_retry']);
    expect(JSON.parse(buttonValue(card, 'coupon_retry'))).toEqual({ g: AMERICANO, b: ['FAULT-500'] });
    // 5xx is retried by the client (at most twice) before the card says so.
    expect(vendorCount(h, 'FAULT-500') - before).toBeGreaterThanOrEqual(2);
    expect(vendorCount(h, 'FAULT-500') - before).toBeLessThanOrEqual(3);
  });

  it('offers retry on a mixed card, repeating the whole card so its answers stay', async () => {
    const { card } = await ask(h, `${AMERICANO} 001133518001 FAULT-500`);

    expect(allText(card)).toContain('🟢 미사용');
    expect(allText(card)).toContain('쿠펀 서버 오류');
    expect(JSON.parse(buttonValue(card, 'coupon_retry'))).toEqual({ g: AMERICANO, b: ['001133518001', 'FAULT-500'] });
    expect(buttonsOf(card).map((b) => b.action_id)).not.toContain('coupon_refresh');
  });

  it.each(['', 'help', '도움말'])('answers "/coupon %s" with the usage and the catalog, without asking Coufun', async (text) => {
    const before = vendorCount(h);
    const { ack, card } = await ask(h, text);

    expect(ack).toEqual({ status: 200, body: '' });
    expect(card.response_type).toBe('ephemeral');
    const shown = readable(card);
    expect(shown).toContain('쿠펀 쿠폰 조회');
    expect(shown).toContain('/coupon <상품ID 또는 상품명> <쿠폰번호>');
    expect(shown).toContain(`\`${AMERICANO}\` 스타벅스 아메리카노 T`);
    expect(buttonsOf(card)).toEqual([]);
    expect(vendorCount(h)).toBe(before);
  });

  describe.each([
    {
      what: 'a 31-byte barcode',
      text: `${AMERICANO} ${'1'.repeat(31)}`,
      says: ['입력값을 확인해 주세요', '1번째 쿠폰번호', '최대 30바이트인데 31바이트입니다'],
    },
    {
      what: 'Korean in the barcode',
      text: `${AMERICANO} 001133518001 쿠폰123456`,
      says: ['입력값을 확인해 주세요', '2번째 쿠폰번호', '"쿠" (U+CFE0)'],
    },
    {
      what: 'six barcodes',
      text: `${AMERICANO} 001133518001 001133518002 001133518003 001133518004 001133518005 001133518006`,
      says: ['쿠폰번호를 6개 적으셨습니다', '5개까지'],
    },
    { what: 'no barcode', text: AMERICANO, says: ['쿠폰번호가 없습니다', '/coupon <상품ID 또는 상품명> <쿠폰번호>'] },
    { what: 'an 11-byte goods ID', text: '00001335181 001133518001', says: ['입력값을 확인해 주세요', '상품 ID가 너무 깁니다'] },
  ])('$what', ({ text, says }) => {
    it('gets a specific private message and never reaches Coufun', async () => {
      const before = vendorCount(h);
      const { ack, card } = await ask(h, text);

      expect(ack).toEqual({ status: 200, body: '' });
      expect(card.response_type).toBe('ephemeral');
      const shown = readable(card);
      for (const s of says) expect(shown).toContain(s);
      expect(buttonsOf(card)).toEqual([]);
      expect(vendorCount(h)).toBe(before);
    });
  });

  it('answers in English for a user whose Slack locale is English', async () => {
    const user = nextUser();
    h.slack.locales.set(user, 'en-US');
    const { card } = await ask(h, `${BAEMIN} 012345678902`, user);

    const text = allText(card);
    for (const s of [
      'Stored-value voucher',
      '🟡 *Usable* · partly used',
      '₩2,500',
      'Sandbox (simulated data)',
      `Requested by <@${user}>`,
      'Share in channel',
      'Refresh',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('미사용');
    expect(text).not.toContain('금액권');
  });

  it('answers English errors and notices too', async () => {
    const user = nextUser();
    h.slack.locales.set(user, 'en-GB');
    const error = await ask(h, `${AMERICANO} ERR01-IP`, user);
    const usage = await ask(h, 'help', user);

    expect(allText(error.card)).toContain('Coufun: IP address not registered (code 01)');
    expect(allText(error.card)).toContain('> 등록되지 않은 IP입니다.');
    expect(allText(error.card)).toContain(`The bot's IP address is not registered with Coufun`);
    expect(readable(usage.card)).toContain('Coufun coupon lookup');
    expect(readable(usage.card)).toContain('/coupon <goods ID or name> <coupon number>');
  });

  it('falls back to Korean when users.info fails (missing scope) and logs why', async () => {
    h.slack.locales.set('U0NOSCOPE', 'en-US'); // would be English, if the bot could read it
    const { card } = await ask(h, `${AMERICANO} 001133518001`, 'U0NOSCOPE');

    const text = allText(card);
    expect(text).toContain('🟢 미사용');
    expect(text).toContain('요청: <@U0NOSCOPE>');
    expect(text).not.toContain('Unused');
    expect(h.logs.some((l) => l.msg === 'locale_lookup_failed' && String(l.error).includes('missing_scope'))).toBe(true);
  });
});

describe('/coupon when Coufun does not answer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ COUFUN_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a timeout card with a retry button once the deadline passes', async () => {
    const { ack, card } = await ask(h, `${AMERICANO} FAULT-HANG`);

    expect(ack).toEqual({ status: 200, body: '' });
    const text = allText(card);
    expect(text).toContain('⏳ *사용 가능 여부 확인 불가* · *쿠펀 응답 시간 초과*');
    expect(text).toContain('쿠펀 서버가 300ms 안에 응답하지 않았습니다.');
    // No answer arrived, so the footer claims no response time.
    expect(text).not.toMatch(/쿠펀 응답 \d/);
    expect(JSON.parse(buttonValue(card, 'coupon_retry'))).toEqual({ g: AMERICANO, b: ['FAULT-HANG'] });
    expect(vendorCount(h, 'FAULT-HANG')).toBe(1);
    expect(h.logs.some((l) => l.msg === 'lookup' && l.outcome === 'TIMEOUT')).toBe(true);
  });
});

describe('/coupon with a team catalog (COUPON_GOODS)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ COUPON_GOODS: `${KYOCHON}=교촌 허니콤보;${AMERICANO}=아메리카노 톨` });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes goods by catalog name (spaces collapsed) and titles the card with it', async () => {
    const { card } = await ask(h, '교촌   허니콤보 004122900033');

    expect(allText(card)).toContain('교촌 허니콤보');
    expect(allText(card)).not.toContain('교촌 허니콤보 + 콜라');
    expect(JSON.parse(buttonValue(card, 'coupon_refresh'))).toEqual({ g: KYOCHON, b: ['004122900033'] });
    expect(vendorCount(h, '004122900033')).toBe(1);
  });

  it('still takes a goods ID, and names it from the catalog', async () => {
    const { card } = await ask(h, `${AMERICANO} 001133518001`);
    expect(allText(card)).toContain('아메리카노 톨');
  });

  it('lists the team catalog in the help', async () => {
    const { card } = await ask(h, 'help');
    expect(allText(card)).toContain(`\`${KYOCHON}\` 교촌 허니콤보`);
    expect(allText(card)).not.toContain('배민 상품권');
  });
});
