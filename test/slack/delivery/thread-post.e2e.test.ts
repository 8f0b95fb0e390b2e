import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postInThread, type ThreadPostOptions } from '../../../src/slack/delivery/thread-post.js';
import { FakeSlack } from '../../support/fake-slack.js';

const MESSAGE = { channel: 'C0123ABCD', thread_ts: '1712345678.000100', text: '쿠폰 조회 결과', blocks: [{ type: 'section' }] };

/** The errors @slack/web-api throws, as thread-post.ts reads them. */
function rateLimited(retryAfter: number | undefined): Error {
  return Object.assign(new Error('A rate limit was exceeded'), { code: 'slack_webapi_rate_limited_error', retryAfter });
}
function platform(error: string): Error {
  return Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
}

/** A WebClient stand-in whose postMessage plays a script of answers (Error = throw). */
function scripted(...answers: Array<{ ts?: string } | Error>) {
  const calls: unknown[] = [];
  const client = {
    chat: {
      postMessage: async (args: unknown) => {
        calls.push(args);
        const next = answers.shift();
        if (next === undefined) throw new Error('script exhausted');
        if (next instanceof Error) throw next;
        return { ok: true, ...next };
      },
    },
  };
  return { client: client as unknown as Parameters<typeof postInThread>[0], calls };
}

/** Sleep that only records what it was asked to wait. */
function fakeSleep() {
  const waits: number[] = [];
  const sleep: NonNullable<ThreadPostOptions['sleep']> = async (ms) => {
    waits.push(ms);
  };
  return { sleep, waits };
}

describe('postInThread (scripted client)', () => {
  it('posts the message as given and returns its ts', async () => {
    const { client, calls } = scripted({ ts: '1712345679.000200' });
    expect(await postInThread(client, MESSAGE, { sleep: fakeSleep().sleep })).toEqual({ ok: true, ts: '1712345679.000200' });
    expect(calls).toEqual([MESSAGE]);
  });

  it('429 within the budget: waits Retry-After, then retries', async () => {
    const { client, calls } = scripted(rateLimited(2), rateLimited(3), { ts: '1.2' });
    const s = fakeSleep();
    expect(await postInThread(client, MESSAGE, { budgetMs: 5000, sleep: s.sleep })).toEqual({ ok: true, ts: '1.2' });
    expect(s.waits).toEqual([2000, 3000]);
    expect(calls).toHaveLength(3);
  });

  it('429 beyond the budget: rate_limited at once, without waiting', async () => {
    const { client, calls } = scripted(rateLimited(11));
    const s = fakeSleep();
    const r = await postInThread(client, MESSAGE, { sleep: s.sleep });
    expect(r).toEqual({ ok: false, reason: 'rate_limited', detail: 'retry-after 11 s exceeds the wait budget' });
    expect(s.waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('the budget is shared by all waits: the one that would overrun it is not taken', async () => {
    const { client, calls } = scripted(rateLimited(6), rateLimited(5), { ts: 'never' });
    const s = fakeSleep();
    const r = await postInThread(client, MESSAGE, { budgetMs: 10_000, sleep: s.sleep });
    expect(r).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(s.waits).toEqual([6000]);
    expect(calls).toHaveLength(2);
  });

  it('the default budget is ten seconds', async () => {
    const ok = scripted(rateLimited(10), { ts: '1.2' });
    expect(await postInThread(ok.client, MESSAGE, { sleep: fakeSleep().sleep })).toEqual({ ok: true, ts: '1.2' });
    const over = scripted(rateLimited(10), rateLimited(1));
    expect(await postInThread(over.client, MESSAGE, { sleep: fakeSleep().sleep })).toMatchObject({ reason: 'rate_limited' });
  });

  it('a missing Retry-After counts as one second', async () => {
    const { client } = scripted(rateLimited(undefined), { ts: '1.2' });
    const s = fakeSleep();
    expect(await postInThread(client, MESSAGE, { sleep: s.sleep })).toMatchObject({ ok: true });
    expect(s.waits).toEqual([1000]);
  });

  it('Retry-After: 0 forever still ends within the budget (each try costs at least a second)', async () => {
    const answers = Array.from({ length: 50 }, () => rateLimited(0));
    const { client, calls } = scripted(...answers);
    const s = fakeSleep();
    const r = await postInThread(client, MESSAGE, { budgetMs: 3000, sleep: s.sleep });
    expect(r).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(s.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3000);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it.each(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action'])('%s → not_in_channel', async (error) => {
    const { client } = scripted(platform(error));
    expect(await postInThread(client, MESSAGE, { sleep: fakeSleep().sleep })).toEqual({
      ok: false,
      reason: 'not_in_channel',
      detail: error,
    });
  });

  it.each(['invalid_blocks', 'msg_too_long', 'invalid_auth'])('%s → slack_error with the Slack error code', async (error) => {
    const { client, calls } = scripted(platform(error));
    expect(await postInThread(client, MESSAGE, { sleep: fakeSleep().sleep })).toEqual({ ok: false, reason: 'slack_error', detail: error });
    expect(calls).toHaveLength(1);
  });

  it('a transport failure → slack_error with its code, or its message', async () => {
    const coded = scripted(Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }));
    expect(await postInThread(coded.client, MESSAGE)).toEqual({ ok: false, reason: 'slack_error', detail: 'slack_webapi_request_error' });
    const bare = scripted(new Error('socket hang up'));
    expect(await postInThread(bare.client, MESSAGE)).toEqual({ ok: false, reason: 'slack_error', detail: 'socket hang up' });
  });

  it('even a non-Error rejection resolves to slack_error', async () => {
    const client = { chat: { postMessage: () => Promise.reject(null) } } as unknown as Parameters<typeof postInThread>[0];
    expect(await postInThread(client, MESSAGE)).toEqual({ ok: false, reason: 'slack_error', detail: 'unknown' });
  });
});

describe('postInThread (real WebClient against a fake Slack on 127.0.0.1)', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    await slack.close();
  });

  // The same client options as the app: 429s come back to postInThread instead of being slept on.
  const client = () =>
    new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });

  it('reads a real 429 Retry-After, waits, retries and succeeds', async () => {
    slack.on('chat.postMessage', (_p, i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, ts: '1712345679.000300' } },
    );
    const s = fakeSleep();
    const r = await postInThread(client(), MESSAGE, { sleep: s.sleep });
    expect(r).toEqual({ ok: true, ts: '1712345679.000300' });
    expect(s.waits).toEqual([2000]);
    const posted = slack.callsTo('chat.postMessage').at(-1)!.params;
    expect(posted).toMatchObject({ channel: MESSAGE.channel, thread_ts: MESSAGE.thread_ts, text: MESSAGE.text });
  });

  it('reads a real 429 beyond the budget as rate_limited', async () => {
    slack.on('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } }));
    const s = fakeSleep();
    expect(await postInThread(client(), MESSAGE, { sleep: s.sleep })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(s.waits).toEqual([]);
  });

  it('reads a real ok:false not_in_channel', async () => {
    slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    expect(await postInThread(client(), MESSAGE)).toEqual({ ok: false, reason: 'not_in_channel', detail: 'not_in_channel' });
  });

  it('reads a real ok:false of another kind as slack_error', async () => {
    slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'invalid_blocks' } }));
    expect(await postInThread(client(), MESSAGE)).toEqual({ ok: false, reason: 'slack_error', detail: 'invalid_blocks' });
  });
});
