/** Slack's mrkdwn → HTML: formatting, Slack's control sequences, emoji, and escaping. */
import { describe, expect, it } from 'vitest';
import { emojiFor, replaceShortcodes } from '../../src/workbench/emoji.js';
import { mrkdwnToHtml, plainTextToHtml, type NameBook } from '../../src/workbench/mrkdwn.js';

const names: NameBook = {
  userName: (id) => ({ U0ALICE: '앨리스' })[id],
  channelName: (id) => ({ C0TRIAGE: 'cs-triage' })[id],
};

describe('mrkdwn formatting', () => {
  it.each([
    ['*굵게*', '<b>굵게</b>'],
    ['_기울임_', '<i>기울임</i>'],
    ['~취소~', '<s>취소</s>'],
    ['`code`', '<code class="mk-code">code</code>'],
    ['*label*\nvalue', '<b>label</b><br>value'],
    ['a *b* _c_ ~d~', 'a <b>b</b> <i>c</i> <s>d</s>'],
    ['*_둘 다_*', '<b><i>둘 다</i></b>'],
    ['(*괄호 안*)', '(<b>괄호 안</b>)'],
  ])('%j → %j', (src, html) => {
    expect(mrkdwnToHtml(src)).toBe(html);
  });

  it.each([
    ['markers inside words', 'snake_case_name 2*3*4 a~b~c'],
    ['a marker followed by a space', '* not bold*'],
    ['a lone marker', '5 * 3'],
    ['doubled markers', '**not bold**'],
    ['markers across lines', '*one\ntwo*'],
  ])('leaves %s alone', (_what, src) => {
    expect(mrkdwnToHtml(src)).not.toMatch(/<[bis]>/);
  });

  it('keeps code verbatim: no formatting, emoji or mentions inside', () => {
    expect(mrkdwnToHtml('`*x* :warning: <@U0ALICE>`', names)).toBe('<code class="mk-code">*x* :warning: &lt;@U0ALICE&gt;</code>');
    expect(mrkdwnToHtml('```\nline *1*\n&lt;b&gt;\n```after')).toBe('<pre class="mk-pre">line *1*\n&lt;b&gt;\n</pre>after');
  });

  it('reads a raw > at the start of a line as a block quote, and &gt; as a character', () => {
    expect(mrkdwnToHtml('> 인용 *굵게*\n> 둘째 줄\n본문')).toBe(
      '<blockquote class="mk-quote">인용 <b>굵게</b><br>둘째 줄</blockquote>본문',
    );
    expect(mrkdwnToHtml('&gt; not a quote')).toBe('&gt; not a quote');
  });
});

describe("mrkdwn: Slack's control sequences", () => {
  it('shows user and channel mentions by name, falling back to the label or the ID', () => {
    expect(mrkdwnToHtml('확인: <@U0ALICE>', names)).toBe('확인: <span class="mk-mention" data-user-id="U0ALICE">@앨리스</span>');
    expect(mrkdwnToHtml('<@U0BOB|bob>', names)).toContain('>@bob</span>');
    expect(mrkdwnToHtml('<@U0NOBODY>', names)).toContain('>@U0NOBODY</span>');
    expect(mrkdwnToHtml('<#C0TRIAGE>', names)).toBe('<span class="mk-channel" data-channel-id="C0TRIAGE">#cs-triage</span>');
    expect(mrkdwnToHtml('<#C0OTHER|other>', names)).toContain('>#other</span>');
    expect(mrkdwnToHtml('<!here> <!channel>')).toBe('<span class="mk-mention">@here</span> <span class="mk-mention">@channel</span>');
  });

  it('makes links of http(s) and mailto URLs only, with the label shown', () => {
    expect(mrkdwnToHtml('<https://example.com/a?b=1&amp;c=2|설명서>')).toBe(
      '<a class="mk-link" href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">설명서</a>',
    );
    expect(mrkdwnToHtml('<https://example.com>')).toContain('>https://example.com</a>');
    expect(mrkdwnToHtml('<javascript:alert(1)|click>')).toBe('&lt;javascript:alert(1)|click&gt;');
    expect(mrkdwnToHtml('*<https://x.test|굵은 링크>*')).toBe(
      '<b><a class="mk-link" href="https://x.test" target="_blank" rel="noopener noreferrer">굵은 링크</a></b>',
    );
  });
});

/** Emoji compared without presentation selectors (U+FE0F), which do not change what is drawn. */
const bare = (s: string | undefined): string | undefined => s?.replace(/\uFE0F/g, '');

describe('mrkdwn emoji', () => {
  it("turns Slack's shortcodes into Unicode from the dataset, leaving unknown ones as typed", () => {
    expect(bare(mrkdwnToHtml(':warning: :no_entry: :hourglass: :information_source: :mag: :x: :point_right:'))).toBe(
      bare('⚠️ ⛔️ ⌛️ ℹ️ 🔍 ❌ 👉'),
    );
    expect(bare(mrkdwnToHtml(':+1: :thumbsup: :test_tube:'))).toBe('👍 👍 🧪');
    expect(mrkdwnToHtml(':not_an_emoji_at_all:')).toBe(':not_an_emoji_at_all:');
    expect(bare(replaceShortcodes(':wave::skin-tone-3:'))).toBe('👋🏼');
    expect(bare(emojiFor('smile'))).toBe('😄');
  });

  it('applies to plain_text with emoji: true only', () => {
    expect(bare(plainTextToHtml(':mag: 찾기'))).toBe('🔍 찾기');
    expect(plainTextToHtml(':mag: 찾기', false)).toBe(':mag: 찾기');
  });
});

describe('mrkdwn escaping', () => {
  it("decodes the sender's &amp; &lt; &gt; once and escapes for HTML", () => {
    expect(mrkdwnToHtml('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;');
    expect(mrkdwnToHtml('"quotes" & \'apostrophes\'')).toBe('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
  });

  it('never lets markup through, even unescaped by a careless sender', () => {
    for (const hostile of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<https://x.test|<b>x</b>>',
      '<@U1|"><script>>',
      '\uE0000\uE001 <@U1>',
      '*<img src=x>*',
      '```<script>```',
      '`<script>`',
    ]) {
      const html = mrkdwnToHtml(hostile, names);
      expect(html, hostile).not.toMatch(/<(script|img|b>x)/i);
      // Attribute-looking text may remain as text, but never inside a tag.
      expect(html, hostile).not.toMatch(/<[^>]*\son\w+=/i);
    }
  });

  it('treats plain_text as literal text: no entities decoded, no markup', () => {
    expect(plainTextToHtml('&amp; <b>*x*</b>\n둘째')).toBe('&amp;amp; &lt;b&gt;*x*&lt;/b&gt;<br>둘째');
  });
});
