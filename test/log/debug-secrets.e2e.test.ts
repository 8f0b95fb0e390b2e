/**
 * At LOG_LEVEL=debug, Bolt and the Web API client log every request and API call. A real
 * shortcut → modal → submission flow and a /coupon must still leave no response_url (a bearer
 * credential for 30 minutes, also inside views.open's private_metadata), no trigger_id, no
 * token and no signing secret in any line, at any level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startHarness, type Harness } from '../support/bot-harness.js';
import { shortcutPayload, submissionPayload } from '../support/payloads.js';

const BOT_TOKEN = 'xoxb-test-token';

describe('debug logs of a shortcut, its modal and a command', () => {
  let h: Harness;
  const raw: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ LOG_LEVEL: 'debug' }, { logSink: (line) => raw.push(line) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('contain no response_url, trigger_id, token or secret', async () => {
    const responseUrl = h.slack.responseUrl();
    const triggerId = 'trigger-debug-4242.9876.abcdef0123';
    const message = { text: '고객님 쿠폰 0123-4567-8902 이 안 된대요', ts: '1700300001.000100' };
    expect(await h.interact(shortcutPayload({ message, responseUrl, user: 'U0DEBUG', triggerId }))).toEqual({ status: 200, body: '' });
    await h.slack.waitFor(() => h.slack.callsTo('views.open').some((c) => c.params.trigger_id === triggerId), 10_000, 'views.open');
    const view = h.slack.callsTo('views.open').find((c) => c.params.trigger_id === triggerId)!.params.view as { private_metadata: string };
    // The modal really carries the response_url: that is what must not be logged.
    expect(view.private_metadata).toContain(responseUrl);

    const submitted = await h.interact(
      submissionPayload({
        privateMetadata: view.private_metadata,
        goods: { kind: 'select', value: '0000999999', label: '배민 상품권 1만원 (0000999999)' },
        barcodes: '0123-4567-8902',
        user: 'U0DEBUG',
      }),
    );
    expect(submitted).toEqual({ status: 200, body: '' });
    const command = await h.command({ text: '0000999999 012345678902', user: 'U0DEBUG2' });
    await h.slack.post(command.responseUrl);

    await h.slack.waitFor(() => raw.some((l) => l.includes('"msg":"lookup"') && l.includes('"entry":"modal"')), 10_000, 'the modal lookup');
    const text = raw.join('\n');
    expect(
      raw.some((l) => JSON.parse(l).level === 'debug'),
      'debug lines were written',
    ).toBe(true);
    for (const [what, needle] of [
      ['shortcut response_url', responseUrl],
      ['command response_url', command.responseUrl],
      ['any response URL path', '/response/'],
      ['trigger_id', triggerId],
      ['trigger_id digits', '4242.9876'],
      ['command trigger_id', 'trigger-'],
      ['bot token', BOT_TOKEN],
      ['signing secret', SECRET],
      ['full barcode', '012345678902'],
    ] as const) {
      expect(text, what).not.toContain(needle);
    }
  });
});
