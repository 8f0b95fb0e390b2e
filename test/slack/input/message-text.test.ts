import { describe, expect, it } from 'vitest';
import { messageText, stripSlackMarkup } from '../../../src/slack/input/message-text.js';

describe('messageText', () => {
  it('returns a plain text field', () => {
    expect(messageText({ text: '쿠폰 0123-4567-8901 사용 불가' })).toBe('쿠폰 0123-4567-8901 사용 불가');
  });

  it('reads section text and fields when text is empty', () => {
    const out = messageText({
      text: '',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*새 CS 문의*' },
          fields: [
            { type: 'mrkdwn', text: '*상품*\n스타벅스 아메리카노 T' },
            { type: 'mrkdwn', text: '*쿠폰번호*\n0123 4567 8901' },
          ],
        },
      ],
    });
    expect(out).toContain('*새 CS 문의*');
    expect(out).toContain('스타벅스 아메리카노 T');
    expect(out).toContain('0123 4567 8901');
  });

  it('reads header and context blocks, skipping images', () => {
    const out = messageText({
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '쿠폰 오류 신고' } },
        {
          type: 'context',
          elements: [
            { type: 'image', image_url: 'https://x.example/a.png', alt_text: 'logo' },
            { type: 'mrkdwn', text: '접수자 <@U123>' },
            { type: 'plain_text', text: '쿠폰 1111 2222 3333' },
          ],
        },
      ],
    });
    expect(out).toContain('쿠폰 오류 신고');
    expect(out).toContain('접수자 <@U123> 쿠폰 1111 2222 3333');
    expect(out).not.toContain('logo');
  });

  it('reads rich_text sections, nested lists, quotes and preformatted text', () => {
    const out = messageText({
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: '확인 부탁드립니다 ' },
                { type: 'user', user_id: 'U0ABC' },
                { type: 'emoji', name: 'pray' },
                { type: 'link', url: 'https://admin.example/o/1', text: '주문 상세' },
              ],
            },
            {
              type: 'rich_text_list',
              style: 'bullet',
              elements: [
                { type: 'rich_text_section', elements: [{ type: 'text', text: '첫 쿠폰 1111-2222-3333' }] },
                {
                  type: 'rich_text_list',
                  indent: 1,
                  elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '중첩 쿠폰 4444-5555-6666' }] }],
                },
              ],
            },
            { type: 'rich_text_quote', elements: [{ type: 'text', text: '고객: 안 돼요' }] },
            { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'BARCODE_NUM=ABC1234567890' }] },
          ],
        },
      ],
    });
    expect(out).toContain('확인 부탁드립니다 <@U0ABC>:pray:<https://admin.example/o/1|주문 상세>');
    expect(out).toContain('첫 쿠폰 1111-2222-3333\n중첩 쿠폰 4444-5555-6666');
    expect(out).toContain('고객: 안 돼요');
    expect(out).toContain('BARCODE_NUM=ABC1234567890');
  });

  it('escapes raw rich text so stripSlackMarkup reads it back verbatim', () => {
    const out = messageText({
      blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'a <b> & c' }] }] }],
    });
    expect(out).toBe('a &lt;b&gt; &amp; c');
    expect(stripSlackMarkup(out)).toBe('a <b> & c');
  });

  it('does not repeat blocks that only mirror the text (a user-typed message)', () => {
    const out = messageText({
      text: '<@U0ABC> 쿠폰 *0123-4567-8901* 확인',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U0ABC' },
                { type: 'text', text: ' 쿠폰 ' },
                { type: 'text', text: '0123-4567-8901', style: { bold: true } },
                { type: 'text', text: ' 확인' },
              ],
            },
          ],
        },
      ],
    });
    expect(out).toBe('<@U0ABC> 쿠폰 *0123-4567-8901* 확인');
  });

  it('adds blocks that say more than a bot notification text', () => {
    const out = messageText({
      text: '새 문의가 도착했습니다',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '쿠폰번호 5500112233445' } }],
    });
    expect(out).toContain('새 문의가 도착했습니다');
    expect(out).toContain('쿠폰번호 5500112233445');
  });

  it('reads attachments: pretext, title, text and titled fields', () => {
    const out = messageText({
      text: '',
      attachments: [
        {
          pretext: 'Zendesk 티켓',
          title: '쿠폰 사용 불가',
          text: '고객 요청 내용',
          fallback: 'should not appear',
          fields: [
            { title: '쿠폰번호', value: '1357924680135' },
            { title: '', value: '값만 있는 필드' },
          ],
        },
      ],
    });
    expect(out).toContain('Zendesk 티켓');
    expect(out).toContain('쿠폰 사용 불가');
    expect(out).toContain('고객 요청 내용');
    expect(out).toContain('쿠폰번호: 1357924680135');
    expect(out).toContain('값만 있는 필드');
    expect(out).not.toContain('should not appear');
  });

  it('falls back to an attachment fallback when it has nothing else', () => {
    expect(messageText({ attachments: [{ fallback: '쿠폰 2468 1357 9024' }] })).toBe('쿠폰 2468 1357 9024');
  });

  it('keeps the text and adds attachments after it', () => {
    expect(messageText({ text: '전달합니다', attachments: [{ text: '쿠폰 1234567890123' }] })).toBe('전달합니다\n쿠폰 1234567890123');
  });

  it('reads blocks inside attachments', () => {
    const out = messageText({ attachments: [{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '바코드 ABC1234567890' } }] }] });
    expect(out).toBe('바코드 ABC1234567890');
  });

  it.each([
    ['an empty message', {}],
    ['empty text', { text: '' }],
    ['whitespace text', { text: '  \n ' }],
    ['non-string text', { text: 42 }],
    ['non-array blocks', { blocks: 'section' }],
    ['odd blocks', { blocks: [null, 1, 'x', { type: 'section', text: 5 }, { type: 'rich_text', elements: {} }] }],
    ['odd attachments', { attachments: [null, { fields: 'x' }, { fields: [null, { value: 3 }] }] }],
  ])('answers an empty string for %s', (_label, message) => {
    expect(messageText(message)).toBe('');
  });

  it('answers an empty string for null and undefined', () => {
    expect(messageText(null)).toBe('');
    expect(messageText(undefined)).toBe('');
  });

  it('does not throw on absurdly deep nesting', () => {
    let element: Record<string, unknown> = { type: 'text', text: '깊은 곳' };
    for (let i = 0; i < 5000; i += 1) element = { type: 'rich_text_section', elements: [element] };
    expect(() => messageText({ blocks: [{ type: 'rich_text', elements: [element] }] })).not.toThrow();
  });
});

describe('stripSlackMarkup', () => {
  it('removes user, channel, group and broadcast mentions', () => {
    const out = stripSlackMarkup('<@U123ABC> <@U9|kim> <#C123|cs-coupon> <!subteam^S1|@ops> <!here> 확인');
    expect(out.trim()).toBe('확인');
  });

  it('keeps link labels and drops unlabelled links', () => {
    expect(stripSlackMarkup('<https://x.example/1234567890123|쿠폰 보기> <https://x.example/99> <mailto:a@b.kr|a@b.kr>')).toBe(
      '쿠폰 보기   a@b.kr',
    );
  });

  it('decodes the three Slack entities, &amp; last', () => {
    expect(stripSlackMarkup('&lt;a&gt; &amp;lt;')).toBe('<a> &lt;');
  });

  it('leaves text that is not markup alone', () => {
    expect(stripSlackMarkup('a <b c> d')).toBe('a <b c> d');
  });
});
