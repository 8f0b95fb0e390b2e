import { describe, expect, it } from 'vitest';
import {
  context,
  divider,
  escapeMrkdwn,
  fallbackText,
  fieldsSection,
  header,
  mention,
  mrkdwn,
  plain,
  quote,
  section,
  truncate,
} from '../../../src/slack/render/blocks.js';
import { LIMITS } from '../../../src/slack/render/index.js';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > (ampersand first, so nothing is double-escaped)', () => {
    expect(escapeMrkdwn('<script>a & b</script>')).toBe('&lt;script&gt;a &amp; b&lt;/script&gt;');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
    expect(escapeMrkdwn('<!channel> <@U123>')).toBe('&lt;!channel&gt; &lt;@U123&gt;');
  });

  it('leaves everything else alone', () => {
    expect(escapeMrkdwn('쿠폰 *굵게* _기울임_ `코드` 🎫')).toBe('쿠폰 *굵게* _기울임_ `코드` 🎫');
  });
});

describe('truncate', () => {
  it('keeps short text as it is', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('', 1)).toBe('');
  });

  it('cuts to exactly max, ending with …', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('가나다라마', 3)).toBe('가나…');
  });

  it('never splits a surrogate pair (and stays within max)', () => {
    expect(truncate('ab🎫🎫', 4)).toBe('ab…');
    expect(truncate('a🎫🎫🎫', 4)).toBe('a🎫…');
    expect(truncate('🎫🎫🎫', 5)).toBe('🎫🎫…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(truncate('🎫'.repeat(50), 10))).toBe(false);
  });
});

describe('text objects and blocks', () => {
  it('plain text has emoji on and is cut to max', () => {
    expect(plain('hello', 10)).toEqual({ type: 'plain_text', text: 'hello', emoji: true });
    expect(plain('x'.repeat(30), 24).text).toHaveLength(24);
  });

  it('mrkdwn defaults to the section limit', () => {
    expect(mrkdwn('*a*')).toEqual({ type: 'mrkdwn', text: '*a*' });
    expect(mrkdwn('x'.repeat(LIMITS.sectionText + 10)).text).toHaveLength(LIMITS.sectionText);
  });

  it('header is plain text cut to 150', () => {
    const h = header('가'.repeat(200));
    expect(h.type).toBe('header');
    expect(h.text.type).toBe('plain_text');
    expect(h.text.text).toHaveLength(LIMITS.headerText);
  });

  it('section cuts to 3000', () => {
    expect(section('x'.repeat(5000)).text?.text).toHaveLength(LIMITS.sectionText);
  });

  it('fields: *label*\\nvalue, both escaped, each cut to 2000; more than 10 is a RangeError', () => {
    const s = fieldsSection([
      { label: 'A&B', value: '<x>' },
      { label: 'L', value: 'v'.repeat(3000) },
    ]);
    expect(s.fields?.[0]).toEqual({ type: 'mrkdwn', text: '*A&amp;B*\n&lt;x&gt;' });
    expect(s.fields?.[1]?.text).toHaveLength(LIMITS.fieldText);
    expect(() => fieldsSection(Array.from({ length: 11 }, (_, i) => ({ label: `l${i}`, value: 'v' })))).toThrow(RangeError);
    expect(fieldsSection(Array.from({ length: 10 }, (_, i) => ({ label: `l${i}`, value: 'v' }))).fields).toHaveLength(10);
  });

  it('context keeps at most 10 elements', () => {
    const c = context(Array.from({ length: 12 }, (_, i) => `e${i}`));
    expect(c.elements).toHaveLength(LIMITS.contextElements);
    expect(c.elements[9]).toEqual({ type: 'mrkdwn', text: 'e9' });
  });

  it('divider', () => {
    expect(divider()).toEqual({ type: 'divider' });
  });
});

describe('quote', () => {
  it('one escaped > line per line, whatever the line endings', () => {
    expect(quote('첫 줄\r\n<둘째> & 줄\n셋째')).toBe('> 첫 줄\n> &lt;둘째&gt; &amp; 줄\n> 셋째');
  });

  it('a single line', () => {
    expect(quote('오류')).toBe('> 오류');
  });
});

describe('mention', () => {
  it.each(['U0123ABCD', 'W0123ABCD', 'U12'])('a user ID becomes a mention: %s', (id) => {
    expect(mention(id)).toBe(`<@${id}>`);
  });

  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['u0123abcd', 'u0123abcd'],
    ['U0123>x<', 'U0123&gt;x&lt;'],
    ['C0123ABCD', 'C0123ABCD'],
    ['U1', 'U1'],
  ])('anything else is escaped text: %s', (id, shown) => {
    expect(mention(id)).toBe(shown);
  });
});

describe('fallbackText', () => {
  it('joins non-blank lines, escaped', () => {
    expect(fallbackText(['a & b', '  ', '', '<c>'])).toBe('a &amp; b\n&lt;c&gt;');
  });

  it('is never empty', () => {
    expect(fallbackText([])).toBe('-');
    expect(fallbackText(['', ' '])).toBe('-');
  });

  it('is cut to the fallback limit', () => {
    const text = fallbackText(Array.from({ length: 100 }, () => 'x'.repeat(100)));
    expect(text).toHaveLength(LIMITS.fallbackText);
    expect(text.endsWith('…')).toBe(true);
  });
});
