/**
 * The Slack API error counter's fetch wrapper, against the fake Slack on loopback, with both the
 * built-in fetch (a real Response: its body can be read once) and the bot's lean fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeanFetch } from '../../src/runtime/lean-fetch.js';
import { instrumentSlackFetch, slackApiMethod } from '../../src/metrics/slack-fetch.js';
import { FakeSlack } from '../support/fake-slack.js';

describe('instrumentSlackFetch', () => {
  let slack: FakeSlack;
  let base = '';
  const lean = createLeanFetch({ timeoutMs: 300 });

  beforeAll(async () => {
    slack = await FakeSlack.start();
    base = slack.baseUrl;
    slack.on('auth.test', () => new Promise(() => undefined)); // never answers
    slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    slack.on('users.info', () => ({ body: { ok: true, user: { id: 'U1', note: '"ok":false in a string is not a failure' } } }));
    slack.on('views.open', () => ({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>busy</html>' }));
    slack.on('chat.update', () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }));
    slack.on('odd.error', () => ({ body: { ok: false, error: 'Customer 010-1234-5678 said 012345678901' } }));
  });
  afterAll(async () => {
    await lean.close();
    await slack.close();
  });

  describe.each([
    { kind: 'built-in fetch (real Response)', inner: () => fetch },
    { kind: 'lean fetch (buffered answer)', inner: () => lean.fetch },
  ])('over $kind', ({ inner }) => {
    const record = () => {
      const seen: [string | undefined, string][] = [];
      return { seen, fetch: instrumentSlackFetch(inner(), (m, e) => seen.push([m, e])) };
    };

    it('reports ok:false with its error code and leaves the body for the caller', async () => {
      const { seen, fetch: f } = record();
      const res = await f(`${base}/api/chat.postMessage`, { method: 'POST', body: 'x=1' });
      expect(await res.json()).toEqual({ ok: false, error: 'channel_not_found' });
      expect(seen).toEqual([['chat.postMessage', 'channel_not_found']]);
    });

    it('reports nothing for a success, even one mentioning "ok":false inside a string', async () => {
      const { seen, fetch: f } = record();
      const res = await f(`${base}/api/users.info`, { method: 'POST', body: 'user=U1' });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      expect(seen).toEqual([]);
    });

    it('reports an HTTP failure without a JSON error as http_NNN, and a 429 by its Slack code', async () => {
      const { seen, fetch: f } = record();
      const busy = await f(`${base}/api/views.open`, { method: 'POST', body: '' });
      expect(await busy.text()).toBe('<html>busy</html>');
      const limited = await f(`${base}/api/chat.update`, { method: 'POST', body: '' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3');
      expect(seen).toEqual([
        ['views.open', 'http_503'],
        ['chat.update', 'ratelimited'],
      ]);
    });

    it('passes an error code through as Slack sent it; the recorder bounds it', async () => {
      const { seen, fetch: f } = record();
      await f(`${base}/api/odd.error`, { method: 'POST', body: '' });
      expect(seen).toEqual([['odd.error', 'Customer 010-1234-5678 said 012345678901']]);
    });

    it('ignores URLs that are not Web API methods (response_url posts)', async () => {
      const { seen, fetch: f } = record();
      const res = await f(`${base}/response/r1`, { method: 'POST', body: '{}' });
      expect(await res.text()).toBe('ok');
      expect(seen).toEqual([]);
    });
  });

  it('reports a call that gets no answer as timeout, one that cannot connect as network, and rethrows each error', async () => {
    const seen: [string | undefined, string][] = [];
    const slow = instrumentSlackFetch(lean.fetch, (m, e) => seen.push([m, e]));
    await expect(slow(`${base}/api/auth.test`, { method: 'POST', body: '' })).rejects.toThrow(/timeout/i);
    const refused = instrumentSlackFetch(
      async () => {
        throw new TypeError('fetch failed');
      },
      (m, e) => seen.push([m, e]),
    );
    await expect(refused(`${base}/api/auth.test`)).rejects.toThrow('fetch failed');
    expect(seen).toEqual([
      ['auth.test', 'timeout'],
      ['auth.test', 'network'],
    ]);
  });

  it('never lets a failing recorder break the call', async () => {
    const f = instrumentSlackFetch(lean.fetch, () => {
      throw new Error('recorder broke');
    });
    const res = await f(`${base}/api/chat.postMessage`, { method: 'POST', body: '' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['https://slack.com/api/chat.postMessage', 'chat.postMessage'],
    ['http://proxy.internal/slack/api/users.info?x=1', 'users.info'],
    ['https://hooks.slack.com/actions/T1/123/abc', undefined],
    ['https://slack.com/api/', undefined],
  ])('reads the method of %s', (url, method) => {
    expect(slackApiMethod(url)).toBe(method);
  });
});
