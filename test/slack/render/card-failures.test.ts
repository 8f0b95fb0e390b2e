/** Failure cards tell the truth: footers, buttons and wording per failure, and vendor text shown as text. */
import { describe, expect, it } from 'vitest';
import {
  BadResponseError,
  HttpStatusError,
  InternalError,
  NetworkError,
  OversizeError,
  TimeoutError,
  type CoufunError,
} from '../../../src/coufun/errors.js';
import { ACTION_IDS, renderLookupMessage, type SlackMessage } from '../../../src/slack/render/index.js';
import { checkBlockKit } from '../../support/block-kit.js';
import {
  blocksOfType,
  buttons,
  cardCtx,
  errOutcome,
  exchangeOrder,
  footerTexts,
  meta,
  okOutcome,
  USER,
  vendorError,
} from '../../support/factories.js';

const sections = (msg: SlackMessage): string[] => blocksOfType(msg, 'section').flatMap((s) => (s.text ? [s.text.text] : []));
const card = (error: CoufunError, latencyMs = 5000): SlackMessage =>
  renderLookupMessage([errOutcome(error, { meta: meta({ latencyMs }) })], cardCtx());

describe('failure footers', () => {
  const silent: ReadonlyArray<readonly [string, CoufunError]> = [
    ['timeout', new TimeoutError(5000)],
    ['refused', new NetworkError('connection refused')],
    ['reset', new NetworkError('connection reset')],
    ['DNS', new NetworkError('DNS lookup failed', { retryable: false })],
    ['internal', new InternalError('ab12cd')],
  ];
  it.each(silent)('%s: no response time when no answer arrived', (_name, error) => {
    const msg = card(error);
    expect(checkBlockKit(msg)).toEqual([]);
    const footer = footerTexts(msg);
    expect(footer).toEqual(['📡 *운영*', '2024-03-01 00:30 KST 기준', `요청: <@${USER}>`]);
    expect(JSON.stringify(msg)).not.toMatch(/쿠펀 응답 \d|5초 응답|answered in/);
  });

  it('timeout: says Coufun did not answer within 5 s, and nothing claims it answered', () => {
    const ko = card(new TimeoutError(5000));
    expect(sections(ko)[0]).toContain('쿠펀 서버가 5초 안에 응답하지 않았습니다.');
    const en = renderLookupMessage([errOutcome(new TimeoutError(5000), { meta: meta({ latencyMs: 5000 }) })], cardCtx({ locale: 'en' }));
    expect(sections(en)[0]).toContain('Coufun did not answer within 5 s.');
    expect(footerTexts(en).join(' ')).not.toContain('answered in');
  });

  const answered: ReadonlyArray<readonly [string, CoufunError, string]> = [
    ['vendor code', vendorError('16', '존재하지 않는 쿠폰번호입니다.'), '쿠펀 응답 42ms'],
    ['HTTP 500', new HttpStatusError(500), '쿠펀 응답 42ms'],
    ['bad body', new BadResponseError('not_xml'), '쿠펀 응답 42ms'],
    ['oversize', new OversizeError(65_536), '쿠펀 응답 42ms'],
  ];
  it.each(answered)('%s: an answer arrived, so its response time is shown', (_name, error, latency) => {
    const msg = renderLookupMessage([errOutcome(error)], cardCtx());
    expect(footerTexts(msg)).toContain(latency);
  });

  it('a success beside a timeout keeps the success time, not the timeout', () => {
    const msg = renderLookupMessage(
      [
        okOutcome([exchangeOrder()], { meta: meta({ latencyMs: 40 }) }),
        errOutcome(new TimeoutError(5000), { barcode: '731190447702', meta: meta({ latencyMs: 5000 }) }),
      ],
      cardCtx(),
    );
    expect(footerTexts(msg)).toContain('쿠펀 응답 40ms');
    expect(footerTexts(msg).join(' ')).not.toContain('5초');
  });
});

describe('failure wording and buttons', () => {
  it('a reset mid-answer is not "could not connect"', () => {
    const text = sections(card(new NetworkError('connection reset')))[0] ?? '';
    expect(text).toContain('쿠펀 연결 끊김');
    expect(text).not.toContain('연결하지 못했습니다');
    const en = sections(renderLookupMessage([errOutcome(new NetworkError('connection reset'))], cardCtx({ locale: 'en' })))[0] ?? '';
    expect(en).not.toMatch(/could not (connect|reach)/i);
  });

  it('a refused connection is "could not connect"', () => {
    expect(sections(card(new NetworkError('connection refused')))[0]).toContain('쿠펀 서버에 연결하지 못했습니다 (connection refused).');
  });

  it.each([
    ['timeout', new TimeoutError(5000)],
    ['refused', new NetworkError('connection refused')],
    ['reset', new NetworkError('connection reset')],
    ['HTTP 503', new HttpStatusError(503)],
  ] as const)('transport failure (%s): exactly one way to look again (다시 시도)', (_name, error) => {
    const ids = buttons(card(error)).map((b) => b.action_id);
    expect(ids).toEqual([ACTION_IDS.share, ACTION_IDS.retry]);
  });

  it.each(['01', '02', '98', '95'])('vendor %s (only the operator can fix it): no share button', (code) => {
    const ids = buttons(renderLookupMessage([errOutcome(vendorError(code, '설정 오류'))], cardCtx())).map((b) => b.action_id);
    expect(ids).not.toContain(ACTION_IDS.share);
    expect(ids).toEqual([ACTION_IDS.refresh]);
  });

  it('every failure card opens with "cannot tell whether it can be used"', () => {
    for (const error of [new TimeoutError(5000), vendorError('16', 'x'), new HttpStatusError(500)]) {
      expect(sections(card(error))[0]).toMatch(/^\S+ \*사용 가능 여부 확인 불가\* · /);
    }
  });
});

describe('a vendor code that answers the question itself', () => {
  it.each([
    ['17', '사용 불가 · 이미 사용됨', 'Not usable · already used'],
    ['18', '사용 불가 · 이미 취소됨', 'Not usable · already cancelled'],
  ])('code %s opens with its verdict', (code, ko, en) => {
    expect(sections(renderLookupMessage([errOutcome(vendorError(code, 'x'))], cardCtx()))[0]).toMatch(new RegExp(`^⚠️ \\*${ko}\\* · `));
    expect(sections(renderLookupMessage([errOutcome(vendorError(code, 'x'))], cardCtx({ locale: 'en' })))[0]).toContain(`*${en}*`);
  });
});

describe('vendor text is shown as text', () => {
  const hostile = '*굵게* _기울임_ ~취소선~ `코드` \u202E요망\u202C \u200B고객 010.5555.6666 / 010 7777 8888';
  const msg = renderLookupMessage(
    [errOutcome(vendorError('99', hostile))],
    cardCtx({ mode: 'thread', buttonRef: 'Zr0QmH2v4cT9xLwq1sJb8A' }),
  );
  const text = sections(msg)[0] ?? '';

  it('mrkdwn markers cannot format: no *bold*, _italic_, ~strike~ or `code` survives', () => {
    expect(checkBlockKit(msg)).toEqual([]);
    for (const raw of ['*굵게*', '_기울임_', '~취소선~', '`코드`']) expect(text).not.toContain(raw);
    expect(text).toContain('∗굵게∗');
  });

  it('bidi and zero-width controls are removed, from the card and its fallback text', () => {
    const all = JSON.stringify(msg);
    expect(all).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(all).not.toMatch(/\\u202[a-e]/i);
    expect(text).toContain('요망');
  });

  it('phone numbers are masked in any grouping', () => {
    expect(text).toContain('••••6666');
    expect(text).toContain('••••8888');
    for (const part of ['5555', '7777', '010.5555', '010 7777']) expect(JSON.stringify(msg)).not.toContain(part);
  });

  it('raw vendor values in fields are shown as text too (an unknown status with markers)', () => {
    const order = exchangeOrder({ status: { kind: 'unknown', raw: '*2*\u202E0' }, raw: { ...exchangeOrder().raw, STATUS: '*2*\u202E0' } });
    const card2 = renderLookupMessage([okOutcome([order])], cardCtx());
    const all = JSON.stringify(card2.blocks);
    expect(all).not.toContain('*2*');
    expect(all).not.toMatch(/\u202E/);
    expect(all).toContain('∗2∗0');
    expect(card2.text).not.toContain('*2*');
  });
});
