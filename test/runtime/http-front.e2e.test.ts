/**
 * The HTTP front of the whole bot (real Bolt receiver, sandbox, FakeSlack, all on loopback):
 * bad clients cannot tie it up, and only fresh, correctly signed, well-formed requests reach
 * Bolt. Slow clients are raw TCP sockets; every bound below is generous and only says "the
 * server gave up on its own", never how fast.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactiveBody, richTextBlock, shortcutPayload, slashCommandBody } from '../support/payloads.js';
import { allText, SECRET, startHarness, type Harness } from '../support/bot-harness.js';
import { signedHeaders, slackSignature } from '../support/signing.js';
import { vendorCount } from '../support/command-helpers.js';
import { head, openRaw, within } from './raw-http.js';

const FORM = 'application/x-www-form-urlencoded';
const GOODS = '0000133518';
const MIN = 60;

let serial = 0;
function commandBody(h: Harness, text: string): { body: string; responseUrl: string } {
  const responseUrl = h.slack.responseUrl();
  serial += 1;
  return { body: slashCommandBody({ text, responseUrl, user: `U0HTTP${serial}` }), responseUrl };
}

const nowSec = () => Math.floor(Date.now() / 1000);

describe('HTTP front limits and request checks', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    h = await startHarness();
    port = h.bot.port!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const refusals = () => h.logs.filter((l) => l.msg === 'request_refused');

  describe('oversized bodies', () => {
    it('refuses an announced 4 MB body with 413 before reading it, and closes the connection', async () => {
      const c = await openRaw(port);
      try {
        c.write(head({ 'content-type': FORM, 'content-length': 4 * 1024 * 1024, ...signedHeaders(SECRET, 'x', FORM) }));
        await within(c.closed, 10_000, 'connection closed');
        expect(c.status()).toBe(413);
      } finally {
        c.dispose();
      }
    });

    it('cuts off a chunked body that grows past the limit with 413', async () => {
      const c = await openRaw(port);
      try {
        c.write(head({ 'content-type': FORM, 'transfer-encoding': 'chunked', ...signedHeaders(SECRET, 'x', FORM) }));
        const chunk = Buffer.alloc(256 * 1024, 'a');
        for (let i = 0; i < 12 && !c.isClosed(); i++) {
          c.write(`${chunk.length.toString(16)}\r\n`);
          c.write(chunk);
          c.write('\r\n');
          await new Promise((r) => setTimeout(r, 10));
        }
        await within(c.closed, 10_000, 'connection closed');
        expect(c.status()).toBe(413);
      } finally {
        c.dispose();
      }
    });

    it('accepts a body the size of a shortcut on a 40,000-character Korean message', async () => {
      const text = `쿠폰 012345678902 안 돼요 ${'가'.repeat(40_000)}`;
      const payload = shortcutPayload({
        message: { text, ts: '1700000000.000100', blocks: [richTextBlock(text)] },
        responseUrl: h.slack.responseUrl(),
        user: 'U0BIG',
      });
      const body = interactiveBody(payload);
      expect(body.length).toBeGreaterThan(700_000);
      const res = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, FORM) });
      await res.body.text();
      expect(res.statusCode).toBe(200);
    });
  });

  describe('stalled clients', () => {
    it('closes a signed request whose announced body arrives a byte a second (408)', async () => {
      const { body } = commandBody(h, `${GOODS} 001133518001`);
      const c = await openRaw(port);
      try {
        c.write(head({ 'content-type': FORM, 'content-length': Buffer.byteLength(body), ...signedHeaders(SECRET, body, FORM) }));
        c.trickle(body, 1000);
        await within(c.closed, 20_000, 'stalled body closed');
        expect(c.status()).toBe(408);
      } finally {
        c.dispose();
      }
    });

    it('closes a connection whose headers arrive a byte a second', async () => {
      const c = await openRaw(port);
      try {
        c.trickle(head({ 'content-type': FORM, 'content-length': 10, 'x-padding': 'p'.repeat(200) }), 1000);
        await within(c.closed, 20_000, 'stalled headers closed');
      } finally {
        c.dispose();
      }
    });

    it('closes a connection that never sends a request', async () => {
      const c = await openRaw(port);
      try {
        await within(c.closed, 20_000, 'silent connection closed');
        expect(c.received()).not.toContain('200 OK');
      } finally {
        c.dispose();
      }
    });

    it('keeps serving others while slow clients are being held', async () => {
      const slow = await Promise.all(Array.from({ length: 20 }, () => openRaw(port)));
      try {
        for (const c of slow) c.trickle(head({ 'content-type': FORM, 'content-length': 1000 }), 1000);
        const { body, responseUrl } = commandBody(h, `${GOODS} 001133518001`);
        const res = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, FORM) });
        await res.body.text();
        expect(res.statusCode).toBe(200);
        expect(allText(await h.slack.post(responseUrl))).toContain('미사용');
      } finally {
        for (const c of slow) c.dispose();
      }
    });
  });

  describe('signature window, both directions', () => {
    async function commandAt(timestampSec: number) {
      const { body, responseUrl } = commandBody(h, `${GOODS} 001133518001`);
      const res = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, FORM, timestampSec) });
      return { status: res.statusCode, text: await res.body.text(), responseUrl };
    }

    it('refuses a signature dated 6 minutes in the future, never asking Coufun', async () => {
      const before = vendorCount(h);
      const answer = await commandAt(nowSec() + 6 * MIN);
      expect(answer.status).toBe(401);
      expect(vendorCount(h)).toBe(before);
      expect(h.slack.postsTo(answer.responseUrl)).toHaveLength(0);
    });

    it('refuses one dated 6 minutes in the past', async () => {
      expect((await commandAt(nowSec() - 6 * MIN)).status).toBe(401);
    });

    it.each([
      ['4 minutes ahead', 4 * MIN],
      ['4 minutes behind', -4 * MIN],
    ])('accepts one dated %s and delivers the card', async (_name, offset) => {
      const answer = await commandAt(nowSec() + offset);
      expect(answer.status).toBe(200);
      expect(allText(await h.slack.post(answer.responseUrl))).toContain('미사용');
    });
  });

  describe('replay', () => {
    it('answers an identical signed request once: one vendor lookup, one card', async () => {
      const barcode = 'SIM0000RP01';
      const { body, responseUrl } = commandBody(h, `0000999999 ${barcode}`);
      const headers = signedHeaders(SECRET, body, FORM);
      const first = await request(h.eventsUrl, { method: 'POST', body, headers });
      await first.body.text();
      const again = await request(h.eventsUrl, { method: 'POST', body, headers });
      const againText = await again.body.text();
      expect(first.statusCode).toBe(200);
      expect({ status: again.statusCode, body: againText }).toEqual({ status: 200, body: '' });

      await h.slack.post(responseUrl);
      await new Promise((r) => setTimeout(r, 300)); // room for a second card, were one coming
      expect(h.slack.postsTo(responseUrl)).toHaveLength(1);
      expect(vendorCount(h, barcode)).toBe(1);
      expect(h.logs.filter((l) => l.msg === 'lookup' && String(l.barcode).endsWith('RP01'))).toHaveLength(1);
    });

    it('still answers the same body signed at another second (a new request)', async () => {
      const { body, responseUrl } = commandBody(h, `${GOODS} 001133518001`);
      const a = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, FORM, nowSec() - 2) });
      await a.body.text();
      const b = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, FORM, nowSec() - 1) });
      await b.body.text();
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      await h.slack.post(responseUrl, 2);
    });
  });

  describe('malformed signed payloads get 400, never a hang', () => {
    it.each([
      ['payload=null', 'payload=null', FORM],
      ['payload not JSON', 'payload=%7Bnot-json', FORM],
      ['payload without a type', `payload=${encodeURIComponent('{"user":{"id":"U1"}}')}`, FORM],
      ['payload an array', `payload=${encodeURIComponent('[1,2]')}`, FORM],
      ['payload repeated', 'payload=%7B%7D&payload=%7B%7D', FORM],
      ['form without command or payload', 'team_id=T1&text=hi', FORM],
      [
        'block_actions with actions: null',
        `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":null}')}`,
        FORM,
      ],
      ['view_submission without a view', `payload=${encodeURIComponent('{"type":"view_submission","user":{"id":"U1"}}')}`, FORM],
      [
        'message_action without a message',
        `payload=${encodeURIComponent('{"type":"message_action","callback_id":"coupon_lookup","user":{"id":"U1"},"channel":{"id":"C1"}}')}`,
        FORM,
      ],
      ['event_callback with event: null', '{"type":"event_callback","event":null}', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['JSON not an object', '"hello"', 'application/json'],
      ['JSON without type', '{"event":{}}', 'application/json'],
      ['not JSON at all', '<xml/>', 'application/json'],
    ])('%s', async (_name, body, type) => {
      const res = await within(
        request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, type) }),
        10_000,
        'answer',
      );
      await res.body.text();
      expect(res.statusCode).toBe(400);
    });

    it('url_verification still gets its challenge echoed', async () => {
      const body = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'ch4llenge' });
      const res = await request(h.eventsUrl, { method: 'POST', body, headers: signedHeaders(SECRET, body, 'application/json') });
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(await res.body.text())).toEqual({ challenge: 'ch4llenge' });
    });
  });

  describe('unsigned traffic', () => {
    it('gets 401 each time, costs one warning line rather than one per request', async () => {
      const before = refusals().length;
      const forged = `v0=${'0'.repeat(64)}`;
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const body = `command=%2Fcoupon&text=x${i}`;
          const headers: Record<string, string> =
            i % 3 === 0
              ? { 'content-type': FORM }
              : i % 3 === 1
                ? { 'content-type': FORM, 'x-slack-request-timestamp': String(nowSec()), 'x-slack-signature': forged }
                : {
                    'content-type': FORM,
                    'x-slack-request-timestamp': String(nowSec()),
                    'x-slack-signature': slackSignature('wrong-secret', nowSec(), body),
                  };
          const res = await request(h.eventsUrl, { method: 'POST', body, headers });
          await res.body.text();
          return res.statusCode;
        }),
      );
      expect(new Set(answers)).toEqual(new Set([401]));
      expect(refusals().length - before).toBeLessThanOrEqual(1);
      // Nothing secret in what was logged about them.
      expect(JSON.stringify(refusals())).not.toContain(SECRET);
    });
  });
});
