/**
 * Slack itself misbehaving, through the real Bolt receiver: chat.postMessage rate-limited,
 * failing with 5xx or `ok:false` (shortcut path), response_urls answering 404, users.info
 * answering garbage, and a listener that throws. Each is logged with its context and no full
 * barcode, the user is told where possible, nothing rejects unhandled, and the next request is
 * served as usual.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeModalMetadata } from '../../src/slack/input/metadata.js';
import { allText, startHarness, type Harness } from '../support/bot-harness.js';
import { shortcutPayload, submissionPayload } from '../support/payloads.js';

const GOODS = '0000133518';
const BARCODE = '001133518001';
const COMPLAINT = `스타벅스 아메리카노 T 쿠폰번호 ${BARCODE} 사용이 안 된다고 합니다`;
const THREAD_TS = '1700000000.000100';

let h: Harness;
let unhandled: unknown[];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeEach(async () => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  h = await startHarness({ COUFUN_TIMEOUT_MS: '2000' });
});

afterEach(async () => {
  await h.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  // Whatever went wrong, no log line carries a full barcode.
  expect(JSON.stringify(h.logs)).not.toContain(BARCODE);
});

async function until(pred: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !pred(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const logged = (msg: string) => h.logs.filter((l) => l.msg === msg);
const settled = () => until(() => h.bot.work.size === 0, 'background work to finish');

/** Run the shortcut on the complaint; resolves once its background work is over. */
async function runShortcut(): Promise<string> {
  const responseUrl = h.slack.responseUrl();
  const answer = await h.interact(shortcutPayload({ responseUrl, message: { text: COMPLAINT, ts: THREAD_TS } }));
  expect(answer.status).toBe(200);
  await until(() => h.bot.work.size > 0 || h.slack.callsTo('chat.postMessage').length > 0, 'the shortcut to start');
  await settled();
  return responseUrl;
}

/** The next ordinary /coupon still gets its card. */
async function servesNextCommand(user = 'U0NEXT'): Promise<void> {
  const next = await h.command({ text: `${GOODS} ${BARCODE}`, user });
  expect(next.status).toBe(200);
  expect(allText(await h.slack.post(next.responseUrl))).toContain('미사용');
}

describe('chat.postMessage faults on the shortcut path', () => {
  it('429 with a short Retry-After: waits, posts again, and the card lands in the thread', async () => {
    h.slack.on('chat.postMessage', (params, i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: params.channel, ts: '1700000100.000100' } },
    );
    const responseUrl = await runShortcut();

    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.params).toMatchObject({ channel: 'C0ALLOWED', thread_ts: THREAD_TS });
    expect(allText(posts[1]!.params)).toContain('미사용');
    expect(h.slack.postsTo(responseUrl)).toEqual([]);
    expect(logged('thread_post_failed')).toEqual([]);
  });

  it('429 asking for longer than the wait budget: gives up at once and answers privately', async () => {
    h.slack.on('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '600' }, body: { ok: false, error: 'ratelimited' } }));
    const responseUrl = await runShortcut();

    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(logged('thread_post_failed')).toEqual([
      expect.objectContaining({ entry: 'shortcut', channel: 'C0ALLOWED', reason: 'rate_limited' }),
    ]);
    const [notice, card] = h.slack.postsTo(responseUrl);
    expect(notice).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(card)).toContain('미사용');
  });

  it('5xx every time: the client retries a little, then the card comes privately with a notice', async () => {
    h.slack.on('chat.postMessage', () => ({ status: 503, body: 'upstream unavailable' }));
    const responseUrl = await runShortcut();

    // One call plus the client's two retries, then no more.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(logged('thread_post_failed')).toEqual([
      expect.objectContaining({ entry: 'shortcut', channel: 'C0ALLOWED', reason: 'slack_error' }),
    ]);
    const posts = h.slack.postsTo(responseUrl);
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p.response_type === 'ephemeral')).toBe(true);
    expect(allText(posts[1])).toContain('미사용');
    await servesNextCommand();
  });

  it('ok:false not_in_channel: the user is told to invite the bot and gets the card privately', async () => {
    h.slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    const responseUrl = await runShortcut();

    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(logged('thread_post_failed')).toEqual([expect.objectContaining({ reason: 'not_in_channel', detail: 'not_in_channel' })]);
    const [notice, card] = h.slack.postsTo(responseUrl);
    expect(allText(notice)).toContain('/invite');
    expect(allText(card)).toContain('미사용');
  });

  it('ok:false with another error: logged as slack_error, card privately', async () => {
    h.slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'invalid_blocks' } }));
    const responseUrl = await runShortcut();

    expect(logged('thread_post_failed')).toEqual([expect.objectContaining({ reason: 'slack_error', detail: 'invalid_blocks' })]);
    expect(h.slack.postsTo(responseUrl)).toHaveLength(2);
  });

  it('thread post and the private fallback both failing: logged once each, nothing thrown', async () => {
    h.slack.on('chat.postMessage', () => ({ status: 500, body: 'down' }));
    h.slack.responseStatus = 404;
    const responseUrl = await runShortcut();

    expect(logged('thread_post_failed')).toHaveLength(1);
    // The notice was attempted, failed, and the card was not pushed after it.
    expect(h.slack.postsTo(responseUrl)).toHaveLength(1);
    expect(logged('respond_failed')).toEqual([expect.objectContaining({ entry: 'shortcut', channel: 'C0ALLOWED', user: 'U0ALICE' })]);
    expect(logged('background_task_failed')).toEqual([]);
    h.slack.responseStatus = 200;
    await servesNextCommand();
  });
});

describe('response_url faults', () => {
  it('/coupon whose response_url answers 404: logged with entry and channel, and the bot carries on', async () => {
    h.slack.responseStatus = 404;
    const gone = await h.command({ text: `${GOODS} ${BARCODE}` });
    expect(gone.status).toBe(200);
    await h.slack.post(gone.responseUrl);
    await until(() => logged('respond_failed').length > 0, 'respond_failed');
    await settled();

    const [line] = logged('respond_failed');
    expect(line).toMatchObject({ level: 'warn', entry: 'command', channel: 'C0ALLOWED', user: 'U0ALICE' });
    expect(String(line!.error)).toContain('404');
    expect(logged('background_task_failed')).toEqual([]);
    expect(logged('listener_error')).toEqual([]);

    h.slack.responseStatus = 200;
    await servesNextCommand();
  });

  it('a response_url 404 on a notice (help) is logged the same way', async () => {
    h.slack.responseStatus = 404;
    const help = await h.command({ text: 'help' });
    await h.slack.post(help.responseUrl);
    await until(() => logged('respond_failed').length > 0, 'respond_failed');
    expect(logged('respond_failed')[0]).toMatchObject({ entry: 'command', channel: 'C0ALLOWED' });
  });
});

describe('unexpected answers and errors inside listeners', () => {
  it('users.info answering garbage: logged, the card comes in Korean, the next user is served', async () => {
    h.slack.on('users.info', () => ({ status: 200, body: '<html>oops' }));
    const first = await h.command({ text: `${GOODS} ${BARCODE}`, user: 'U0GARBAGE' });
    expect(allText(await h.slack.post(first.responseUrl))).toContain('미사용');
    expect(logged('locale_lookup_failed')).toHaveLength(1);

    h.slack.on('users.info', (params) => ({ body: { ok: true, user: { id: params.user, locale: 42 } } }));
    await servesNextCommand('U0WRONGTYPE');
    expect(logged('locale_lookup_failed')).toHaveLength(2);
    await settled();
    expect(logged('background_task_failed')).toEqual([]);
  });

  it('a listener that throws is logged as listener_error, and the next request is served', async () => {
    // A modal submission whose barcode field is not text (a forged or future payload shape)
    // makes the modal listener throw before it acknowledges.
    const payload = submissionPayload({
      privateMetadata: encodeModalMetadata({ channelId: 'C0ALLOWED', threadTs: THREAD_TS, responseUrl: h.slack.responseUrl() }),
      goods: { kind: 'select', value: GOODS },
      barcodes: BARCODE,
    }) as { view: { state: { values: { barcodes: { barcodes_input: { value: unknown } } } } } };
    payload.view.state.values.barcodes.barcodes_input.value = 12345;
    const broken = h.interact(payload as unknown as Record<string, unknown>);

    await until(() => logged('listener_error').length > 0, 'listener_error');
    expect(logged('listener_error')[0]).toMatchObject({ level: 'error', error: expect.stringContaining('TypeError') });
    await servesNextCommand();
    // Bolt answers the unacknowledged request itself (after its 3 s wait); it is not a 2xx.
    expect((await broken).status).not.toBe(200);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
