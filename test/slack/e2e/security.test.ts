/**
 * Who may use the bot, end to end: the channel allowlist for commands and button clicks, Slack
 * request signing, the per-user rate limit, what the logs may contain, and the health check.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../../src/runtime/health.js';
import { ALLOWED, buttonPayload, DENIED, interactiveBody, slashCommandBody } from '../../support/payloads.js';
import { allText, SECRET, startHarness, type Harness } from '../../support/bot-harness.js';
import { signedHeaders, slackSignature } from '../../support/signing.js';
import { buttonsOf, buttonValue, readable, userIds, vendorCount } from '../../support/command-helpers.js';

const AMERICANO = '0000133518';
const BAEMIN = '0000999999';
const TOKEN = 'xoxb-test-token';
const FORM = 'application/x-www-form-urlencoded';

const nextUser = userIds('SEC');

describe('channel allowlist (ALLOWED_CHANNEL_IDS=C0ALLOWED)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses /coupon in another channel, naming the channel ID, without asking Coufun', async () => {
    const before = vendorCount(h);
    const { status, body, responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, channel: DENIED, user: nextUser() });
    const reply = await h.slack.post(responseUrl);

    expect({ status, body }).toEqual({ status: 200, body: '' });
    expect(reply.response_type).toBe('ephemeral');
    const text = allText(reply);
    expect(text).toContain(`<#${DENIED}>`);
    expect(text).toContain(`\`${DENIED}\``);
    expect(text).toContain('ALLOWED_CHANNEL_IDS');
    expect(text).toContain('쿠펀에는 아무것도 조회하지 않았습니다');
    expect(buttonsOf(reply)).toEqual([]);
    expect(vendorCount(h)).toBe(before);
    expect(h.logs.some((l) => l.msg === 'channel_refused' && l.entry === 'command' && l.channel === DENIED)).toBe(true);
  });

  it('refuses even /coupon help in another channel', async () => {
    const { responseUrl } = await h.command({ text: 'help', channel: DENIED, user: nextUser() });
    const reply = await h.slack.post(responseUrl);
    expect(allText(reply)).toContain(`\`${DENIED}\``);
    expect(readable(reply)).not.toContain('/coupon <상품ID');
  });

  it('refuses a card button clicked in another channel, without asking Coufun', async () => {
    const user = nextUser();
    const { responseUrl } = await h.command({ text: `${AMERICANO} 001133518002`, user });
    const card = await h.slack.post(responseUrl);
    const before = vendorCount(h);

    for (const actionId of ['coupon_refresh', 'coupon_share']) {
      const clickUrl = h.slack.responseUrl();
      const answer = await h.interact(
        buttonPayload({ actionId, value: buttonValue(card, actionId), responseUrl: clickUrl, user, channel: DENIED }),
      );
      const reply = await h.slack.post(clickUrl);

      expect(answer).toEqual({ status: 200, body: '' });
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.replace_original).toBe(false);
      expect(allText(reply)).toContain(`\`${DENIED}\``);
    }
    expect(vendorCount(h)).toBe(before);
    expect(h.logs.filter((l) => l.msg === 'channel_refused' && ['refresh', 'share'].includes(l.entry as string))).toHaveLength(2);
  });

  it('refuses in English for an English user', async () => {
    const user = nextUser();
    h.slack.locales.set(user, 'en-US');
    const { responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, channel: DENIED, user });
    const reply = await h.slack.post(responseUrl);
    expect(allText(reply)).toContain(`add channel ID \`${DENIED}\` to \`ALLOWED_CHANNEL_IDS\``);
  });

  it('a card button pressed where there is no channel (the App Home tab) gets a notice modal, not silence', async () => {
    const user = nextUser();
    const before = vendorCount(h);
    const opened = h.slack.callsTo('views.open').length;
    const card = await h.command({ text: `${AMERICANO} 001133518001`, user }).then(({ responseUrl }) => h.slack.post(responseUrl));
    const payload = buttonPayload({ actionId: 'coupon_refresh', value: buttonValue(card, 'coupon_refresh'), responseUrl: '', user });
    // What Slack sends for a button in a Home view: a view container, no channel, no response_url.
    const { channel: _channel, response_url: _url, ...rest } = payload;
    const home = { ...rest, container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home' }, trigger_id: 'T.home.1' };
    const answer = await h.interact(home);

    expect(answer).toEqual({ status: 200, body: '' });
    await h.slack.waitFor(() => h.slack.callsTo('views.open').length > opened, 5000, 'the notice modal');
    const call = h.slack.callsTo('views.open').at(-1)!;
    expect(call.params.trigger_id).toBe('T.home.1');
    const view = (typeof call.params.view === 'string' ? JSON.parse(call.params.view) : call.params.view) as Record<string, unknown>;
    expect(view.type).toBe('modal');
    expect(allText(view)).toContain('허용된 채널');
    expect(allText(view)).toContain('/coupon');
    expect(vendorCount(h)).toBe(before + 1);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'channel_refused', entry: 'refresh', channel: '?', user }));
  });
});

describe('channel allowlist: "*" and unset', () => {
  it('"*" permits any channel', async () => {
    const h = await startHarness({ ALLOWED_CHANNEL_IDS: '*' });
    try {
      const { responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, channel: 'C0ANYWHERE', user: nextUser() });
      const card = await h.slack.post(responseUrl);
      expect(allText(card)).toContain('🟢 미사용');
      expect(vendorCount(h, '001133518001')).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('unset permits no channel at all', async () => {
    const h = await startHarness({ ALLOWED_CHANNEL_IDS: undefined });
    try {
      expect(h.bot.config.slack.allowlist).toEqual({ all: false, ids: new Set() });
      const { responseUrl } = await h.command({ text: `${AMERICANO} 001133518001`, channel: ALLOWED, user: nextUser() });
      const reply = await h.slack.post(responseUrl);
      expect(allText(reply)).toContain(`\`${ALLOWED}\``);
      expect(vendorCount(h)).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('request signing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** After a rejected request: a good one is answered, and the rejected one still got nothing. */
  async function expectNothingFor(rejectedUrl: string): Promise<void> {
    const { responseUrl } = await h.command({ text: `${AMERICANO} 001133518003`, user: nextUser() });
    await h.slack.post(responseUrl);
    expect(h.slack.postsTo(rejectedUrl)).toEqual([]);
    expect(vendorCount(h, '001133518001')).toBe(0);
  }

  it('rejects a forged signature with 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ text: `${AMERICANO} 001133518001`, responseUrl, user: nextUser() });
    const now = Math.floor(Date.now() / 1000);

    const answer = await h.raw(body, {
      'content-type': FORM,
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': slackSignature('not-the-signing-secret', now, body),
    });

    expect(answer.status).toBe(401);
    await expectNothingFor(responseUrl);
  });

  it('rejects a correctly signed body that was altered on the way with 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ text: `${AMERICANO} 001133518002`, responseUrl, user: nextUser() });
    const headers = signedHeaders(SECRET, body, FORM);

    const answer = await h.raw(body.replace('001133518002', '001133518001'), headers);

    expect(answer.status).toBe(401);
    await expectNothingFor(responseUrl);
  });

  it('rejects a request without a signature with 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ text: `${AMERICANO} 001133518001`, responseUrl, user: nextUser() });

    const answer = await h.raw(body, { 'content-type': FORM, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) });

    expect(answer.status).toBe(401);
    await expectNothingFor(responseUrl);
  });

  it('rejects a correctly signed request older than five minutes (replay) with 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ text: `${AMERICANO} 001133518001`, responseUrl, user: nextUser() });
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;

    const answer = await h.raw(body, signedHeaders(SECRET, body, FORM, stale));

    expect(answer.status).toBe(401);
    await expectNothingFor(responseUrl);
  });

  it('rejects a forged button click with 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const payload = buttonPayload({
      actionId: 'coupon_refresh',
      value: JSON.stringify({ g: AMERICANO, b: ['001133518001'] }),
      responseUrl,
    });
    const body = interactiveBody(payload);
    const now = Math.floor(Date.now() / 1000);

    const answer = await h.raw(body, {
      'content-type': FORM,
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': slackSignature('forged', now, body),
    });

    expect(answer.status).toBe(401);
    await expectNothingFor(responseUrl);
  });
});

describe('rate limit (COUPON_RATE_LIMIT_PER_MINUTE=5, the smallest allowed)', () => {
  let h: Harness;
  let now = Date.UTC(2025, 4, 1, 3, 0, 0);
  beforeAll(async () => {
    h = await startHarness({ COUPON_RATE_LIMIT_PER_MINUTE: '5' }, { clock: () => now });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function lookup(barcode: string, user: string): Promise<Record<string, unknown>> {
    const { responseUrl } = await h.command({ text: `${BAEMIN} ${barcode}`, user });
    return h.slack.post(responseUrl);
  }

  it('refuses the third lookup in a minute with the time to wait, without asking Coufun', async () => {
    const user = nextUser();
    expect(allText(await lookup('SIM0000RL01 SIM0000RL0A', user))).toContain('미사용');
    now += 10_000;
    expect(allText(await lookup('SIM0000RL02 SIM0000RL0B SIM0000RL0C', user))).toContain('미사용');
    now += 5_000;

    const refused = await lookup('SIM0000RL03', user);

    expect(refused.response_type).toBe('ephemeral');
    // The first lookup leaves the window 60 s after it was made: 45 s from now.
    expect(allText(refused)).toContain('조회가 너무 잦습니다. 45초 후에 다시 시도해 주세요.');
    expect(buttonsOf(refused)).toEqual([]);
    expect(vendorCount(h, 'SIM0000RL03')).toBe(0);
    expect(h.logs.some((l) => l.msg === 'rate_limited' && l.user === user)).toBe(true);

    // Another user is not affected.
    expect(allText(await lookup('SIM0000RL04', nextUser()))).toContain('미사용');

    now += 45_001;
    expect(allText(await lookup('SIM0000RL03', user))).toContain('미사용');
    expect(vendorCount(h, 'SIM0000RL03')).toBe(1);
  });

  it('counts every barcode of a command, and refuses the whole command when they do not all fit', async () => {
    const user = nextUser();
    expect(allText(await lookup('SIM0000RL1A SIM0000RL1B SIM0000RL1C', user))).toContain('미사용');
    const refused = await lookup('SIM0000RL11 SIM0000RL12 SIM0000RL13', user);

    expect(allText(refused)).toContain('60초 후에');
    expect(vendorCount(h, 'SIM0000RL11')).toBe(0);
    // Nothing was taken: two barcodes still fit.
    expect(allText(await lookup('SIM0000RL11 SIM0000RL12', user))).toContain('••••RL12');
  });

  it('limits button clicks too', async () => {
    const user = nextUser();
    const card = await lookup('SIM0000RL21 SIM0000RL22 SIM0000RL23', user);
    const responseUrl = h.slack.responseUrl();
    const before = vendorCount(h);

    await h.interact(buttonPayload({ actionId: 'coupon_refresh', value: buttonValue(card, 'coupon_refresh'), responseUrl, user }));
    const reply = await h.slack.post(responseUrl);

    expect(reply.replace_original).toBe(false);
    expect(allText(reply)).toContain('조회가 너무 잦습니다');
    expect(vendorCount(h)).toBe(before);
  });
});

describe('logs', () => {
  let h: Harness;
  const barcodes = ['012345678901', '012345678902', '009999900011'];
  beforeAll(async () => {
    // Debug level: whatever Bolt and the Web API client say about requests must be safe too.
    h = await startHarness({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes one audit line per looked-up barcode, masked to its last four characters', async () => {
    const user = nextUser();
    const { responseUrl } = await h.command({ text: `${BAEMIN} ${barcodes.join(' ')}`, user });
    const card = await h.slack.post(responseUrl);
    // Also a button click, a refusal and bad input, so every path has written its lines.
    const clickUrl = h.slack.responseUrl();
    await h.interact(
      buttonPayload({ actionId: 'coupon_refresh', value: buttonValue(card, 'coupon_refresh'), responseUrl: clickUrl, user }),
    );
    await h.slack.post(clickUrl);
    const denied = await h.command({ text: `${BAEMIN} 012345678903`, channel: DENIED, user });
    await h.slack.post(denied.responseUrl);
    const bad = await h.command({ text: `${BAEMIN} 0123456789012345678901234567890`, user });
    await h.slack.post(bad.responseUrl);

    const audit = h.logs.filter((l) => l.msg === 'lookup' && l.user === user);
    expect(audit.filter((l) => l.entry === 'command').map((l) => l.barcode)).toEqual(['••••8901', '••••8902', '••••0011']);
    expect(audit.filter((l) => l.entry === 'refresh').map((l) => l.barcode)).toEqual(['••••8901', '••••8902', '••••0011']);
    expect(audit[0]).toMatchObject({ channel: ALLOWED, goods: BAEMIN, outcome: 'unused', cacheHit: false, coufunEnv: 'sandbox' });

    const all = JSON.stringify(h.logs);
    for (const b of [...barcodes, '012345678903', '0123456789012345678901234567890']) expect(all).not.toContain(b);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('01012345678');
    expect(all).not.toContain('01098765432');
  });

  it('keeps tokens and the signing secret out of the logs when a request is rejected', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ text: `${BAEMIN} 012345678904`, responseUrl, user: nextUser() });
    const now = Math.floor(Date.now() / 1000);
    const answer = await h.raw(body, {
      'content-type': FORM,
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': slackSignature('forged', now, body),
    });

    expect(answer.status).toBe(401);
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('012345678904');
  });
});

describe('GET /healthz', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 200 JSON with status, mode, Coufun environment and version, and no secrets', async () => {
    const res = await request(`http://127.0.0.1:${h.bot.port}/healthz`);
    const text = await res.body.text();

    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const health = JSON.parse(text) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', mode: 'http', coufunEnv: 'sandbox', version: VERSION });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/xox[a-z]-/);
    expect(text).not.toContain(h.bot.lookup.url);
  });

  it('is not the events URL: a GET there is 405', async () => {
    const other = await request(`http://127.0.0.1:${h.bot.port}/slack/events`);
    await other.body.dump();
    expect(other.statusCode).toBe(405);
  });
});
