/**
 * A renamed slash command end to end (issue 10): an admin whose workspace already has `/coupon`
 * renames it in the manifest and sets COUPON_COMMAND to match. The bot must answer the new name,
 * say the new name in its help, and leave the old one alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, startHarness, type Harness } from '../../support/bot-harness.js';
import { vendorCount } from '../../support/command-helpers.js';

const RENAMED = '/giftcheck';

describe(`COUPON_COMMAND=${RENAMED}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ COUPON_COMMAND: RENAMED, COUFUN_CACHE_TTL_MS: '0' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers the renamed command with a card, reading the number as /coupon would', async () => {
    const before = vendorCount(h, '012345678902');
    const { status, responseUrl } = await h.command({ command: RENAMED, text: '배민 상품권 1만원 0123-4567-8902', user: 'U0RENAME1' });
    expect(status).toBe(200);
    const card = await h.slack.post(responseUrl);
    const text = allText(card);
    expect(text).toContain('배민 상품권 1만원');
    expect(text).toContain('••••8902');
    expect(vendorCount(h, '012345678902')).toBe(before + 1);
  });

  it('its help and usage hints name the renamed command, never /coupon', async () => {
    for (const text of ['', 'help', '0000999999']) {
      const { responseUrl } = await h.command({ command: RENAMED, text, user: 'U0RENAME2' });
      const answer = allText(await h.slack.post(responseUrl));
      expect(answer, `"${text}"`).toContain(RENAMED);
      expect(answer, `"${text}"`).not.toContain('/coupon');
    }
  });

  it('does not answer /coupon, which now belongs to another app', async () => {
    const before = vendorCount(h);
    // Bolt holds an unhandled request until its timeout, then answers it: by then a card would be there.
    const { status, responseUrl } = await h.command({ command: '/coupon', text: '0000999999 012345678902', user: 'U0RENAME3' });
    expect(status).not.toBe(200);
    expect(h.slack.postsTo(responseUrl)).toHaveLength(0);
    expect(vendorCount(h)).toBe(before);
  });
});
