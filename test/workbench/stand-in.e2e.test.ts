/**
 * The Slack side of the workbench without a browser: request signing (checked with Bolt's own
 * verifier), the Web API methods and response_url rules the stand-in applies, the payloads the
 * page's actions become, and what the real bot does with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSlackRequest } from '@slack/bolt';
import { BotLink, type BotAnswer } from '../../src/workbench/deliver.js';
import { Interactions, typedToSlack } from '../../src/workbench/interactions.js';
import { request } from 'undici';
import { signedHeaders } from '../../src/workbench/signer.js';
import { SlackStandIn } from '../../src/workbench/stand-in.js';
import { pageState } from '../../src/workbench/view.js';
import { BOT_USER_ID, CHANNELS, PERSON, World } from '../../src/workbench/world.js';
import { botEnv, startWorkbench, type Workbench } from '../../src/workbench/workbench.js';
import { seedSamples } from '../../src/workbench/samples.js';
import { slashCommand } from '../support/payloads.js';

const TOKEN = 'xoxb-test';

describe('signing', () => {
  it("is accepted by Bolt's verifier with the same secret, and only with it", () => {
    const body = 'payload=%7B%7D';
    const h = signedHeaders('s3cret', body, 'application/x-www-form-urlencoded');
    const headers = { 'x-slack-signature': h['x-slack-signature']!, 'x-slack-request-timestamp': Number(h['x-slack-request-timestamp']) };
    expect(isValidSlackRequest({ signingSecret: 's3cret', body, headers })).toBe(true);
    expect(isValidSlackRequest({ signingSecret: 'other', body, headers })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: 's3cret', body: `${body}x`, headers })).toBe(false);
  });
});

describe('the Web API stand-in', () => {
  const setup = () => {
    const world = new World();
    return { world, slack: new SlackStandIn(world, TOKEN) };
  };
  const auth = `Bearer ${TOKEN}`;

  it('refuses a wrong token the way Slack does', () => {
    const { slack } = setup();
    expect(slack.api('auth.test', {}, 'Bearer xoxb-other').body).toEqual({ ok: false, error: 'invalid_auth' });
    expect(slack.api('auth.test', {}, undefined).body).toEqual({ ok: false, error: 'not_authed' });
    expect(slack.api('auth.test', {}, auth).body).toMatchObject({ ok: true, user_id: BOT_USER_ID });
    expect(slack.api('conversations.kick', {}, auth).body).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('users.info answers each profile with its locale', () => {
    const { slack } = setup();
    expect(slack.api('users.info', { user: PERSON.ko.id, include_locale: 'true' }, auth).body).toMatchObject({
      ok: true,
      user: { locale: 'ko-KR' },
    });
    expect(slack.api('users.info', { user: PERSON.en.id, include_locale: 'true' }, auth).body).toMatchObject({
      ok: true,
      user: { locale: 'en-US' },
    });
    expect(slack.api('users.info', { user: 'U0NOBODY' }, auth).body).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('chat.postMessage posts in channels and threads (reply counts), chat.update edits, bad blocks are refused', () => {
    const { world, slack } = setup();
    const parent = slack.api('chat.postMessage', { channel: CHANNELS.triage.id, text: 'parent' }, auth).body as { ts: string };
    slack.api(
      'chat.postMessage',
      { channel: CHANNELS.triage.id, text: 'reply', thread_ts: parent.ts, blocks: JSON.stringify([{ type: 'divider' }]) },
      auth,
    );
    const p = world.findByTs(CHANNELS.triage.id, parent.ts)!;
    expect(world.replyCount(p)).toBe(1);
    expect(world.channelMessages(CHANNELS.triage.id).map((m) => m.text)).toEqual(['parent']);
    expect(world.replies(CHANNELS.triage.id, parent.ts)[0]!.blocks).toEqual([
      expect.objectContaining({ type: 'divider', block_id: expect.any(String) }),
    ]);
    slack.api('chat.update', { channel: CHANNELS.triage.id, ts: parent.ts, text: 'edited' }, auth);
    expect(p).toMatchObject({ text: 'edited', edited: true });
    expect(slack.api('chat.postMessage', { channel: 'C0NOWHERE', text: 'x' }, auth).body).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(slack.api('chat.postMessage', { channel: CHANNELS.triage.id, text: 'x', blocks: '[nope' }, auth).body).toEqual({
      ok: false,
      error: 'invalid_blocks',
    });
    expect(slack.api('chat.postMessage', { channel: CHANNELS.triage.id }, auth).body).toEqual({ ok: false, error: 'no_text' });
  });

  it('chat.postEphemeral shows only to the person; views.open needs a fresh trigger_id', () => {
    const { world, slack } = setup();
    slack.api('chat.postEphemeral', { channel: CHANNELS.triage.id, user: PERSON.ko.id, text: 'psst' }, auth);
    expect(world.channelMessages(CHANNELS.triage.id)[0]).toMatchObject({ text: 'psst', ephemeralFor: PERSON.ko.id });
    expect(slack.api('views.open', { trigger_id: 'made-up', view: { type: 'modal', blocks: [] } }, auth).body).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    const trigger = world.newTrigger(PERSON.ko.id);
    const opened = slack.api(
      'views.open',
      { trigger_id: trigger, view: JSON.stringify({ type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [] }) },
      auth,
    ).body as { view: { id: string; hash: string } };
    expect(world.topModal()?.viewId).toBe(opened.view.id);
    expect(slack.api('views.open', { trigger_id: trigger, view: { type: 'modal', blocks: [] } }, auth).body).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    expect(slack.api('views.update', { view_id: opened.view.id, hash: 'stale', view: { type: 'modal', blocks: [] } }, auth).body).toEqual({
      ok: false,
      error: 'hash_conflict',
    });
    expect(
      slack.api('views.update', { view_id: opened.view.id, hash: opened.view.hash, view: { type: 'modal', blocks: [] } }, auth).body,
    ).toMatchObject({ ok: true });
  });

  it('response_url: ephemeral by default, in_channel posts, replace_original and delete_original act on the clicked message, five uses', () => {
    const { world, slack } = setup();
    const clicked = world.post({
      channel: CHANNELS.triage.id,
      threadTs: undefined,
      user: BOT_USER_ID,
      botId: 'B',
      username: undefined,
      text: 'card',
      blocks: undefined,
      attachments: undefined,
      ephemeralFor: PERSON.ko.id,
      via: 'x',
      raw: {},
    });
    const id = world.newResponseUrl({ channel: CHANNELS.triage.id, user: PERSON.ko.id, originalId: clicked.id, threadTs: undefined });
    slack.respond(id, { text: 'private' });
    slack.respond(id, { text: 'public', response_type: 'in_channel' });
    slack.respond(id, { text: 'replaced', replace_original: true });
    const texts = world.channelMessages(CHANNELS.triage.id).map((m) => [m.text, m.ephemeralFor !== undefined]);
    expect(texts).toEqual([
      ['replaced', true],
      ['private', true],
      ['public', false],
    ]);
    slack.respond(id, { delete_original: true });
    expect(world.find(clicked.id)).toBeUndefined();
    expect(slack.respond(id, { text: 'fifth' }).status).toBe(200);
    expect(slack.respond(id, { text: 'sixth' })).toMatchObject({ status: 404, body: 'used_url' });
    expect(slack.respond('r-unknown', { text: 'x' })).toMatchObject({ status: 404, body: 'expired_url' });
  });
});

describe('page actions → payloads', () => {
  /** A bot that records what it is sent and answers 200. */
  function recorder() {
    const sent: { kind: string; body: Record<string, unknown> }[] = [];
    const answer: BotAnswer = { status: 200, body: '', json: undefined, elapsedMs: 5 };
    const link = {
      form: async (fields: Record<string, string>) => (
        sent.push({ kind: 'form', body: fields.payload ? (JSON.parse(fields.payload) as Record<string, unknown>) : fields }), answer
      ),
      interactive: async (payload: Record<string, unknown>) => (sent.push({ kind: 'interactive', body: payload }), answer),
      event: async (envelope: Record<string, unknown>) => (sent.push({ kind: 'event', body: envelope }), answer),
    } as unknown as BotLink;
    const world = new World();
    const samples = seedSamples(world);
    return { world, samples, sent, i: new Interactions(world, () => link, 'http://127.0.0.1:9/response/') };
  }

  it('a slash command: form fields with a response_url and trigger_id; an unknown one never reaches the bot', async () => {
    const { sent, i, world } = recorder();
    await i.send(CHANNELS.triage.id, '/coupon  0000999999 012345678902 ');
    expect(sent[0]).toMatchObject({
      kind: 'form',
      body: {
        command: '/coupon',
        text: '0000999999 012345678902',
        channel_id: CHANNELS.triage.id,
        user_id: PERSON.ko.id,
        response_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/response\//),
      },
    });
    await i.send(CHANNELS.triage.id, '/nope x');
    expect(sent).toHaveLength(1);
    expect(world.channelMessages(CHANNELS.triage.id).at(-1)).toMatchObject({ username: 'Slackbot', ephemeralFor: PERSON.ko.id });
  });

  it('a message naming @coupon-bot is stored as <@BOT> and sent as an app_mention (with thread_ts in a thread)', async () => {
    const { sent, i } = recorder();
    const m = await i.postAsMe(CHANNELS.triage.id, '@coupon-bot 이거 봐주세요 <b>', '1700000000.000100');
    expect(m.text).toBe(`<@${BOT_USER_ID}> 이거 봐주세요 &lt;b&gt;`);
    expect(sent[0]).toMatchObject({
      kind: 'event',
      body: {
        type: 'event_callback',
        event_id: expect.stringMatching(/^Ev/),
        event: {
          type: 'app_mention',
          user: PERSON.ko.id,
          channel: CHANNELS.triage.id,
          text: m.text,
          ts: m.ts,
          thread_ts: '1700000000.000100',
        },
      },
    });
    await i.postAsMe(CHANNELS.triage.id, '그냥 메시지');
    expect(sent).toHaveLength(1);
  });

  it('the shortcut: message_action with the message (blocks for a forwarded one), response_url and trigger_id', async () => {
    const { sent, i, samples } = recorder();
    await i.shortcut(samples.get('forwarded')!);
    expect(sent[0]!.body).toMatchObject({
      type: 'message_action',
      callback_id: 'coupon_lookup',
      channel: { id: CHANNELS.triage.id },
      trigger_id: expect.any(String),
      response_url: expect.any(String),
      message: { type: 'message', text: '', bot_id: 'B0WBTICKET', blocks: [expect.objectContaining({ type: 'rich_text' })] },
    });
  });

  it("typed text becomes what Slack's composer sends: escaped, URLs linked, the bot mentioned", () => {
    expect(typedToSlack('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(typedToSlack('see https://example.com/x?a=1&b=2 please')).toBe('see <https://example.com/x?a=1&amp;b=2> please');
    expect(typedToSlack('@coupon-bot hi, @coupon-botty')).toBe(`<@${BOT_USER_ID}> hi, @coupon-botty`);
  });

  it('the English switch changes the profile the bot sees', async () => {
    const { sent, i } = recorder();
    i.setLocale('en');
    await i.send(CHANNELS.triage.id, '/coupon help');
    expect((sent[0]!.body as { user_id: string }).user_id).toBe(PERSON.en.id);
  });
});

describe('with the real bot', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await startWorkbench({ port: 0 });
  });
  afterAll(async () => {
    await wb.stop();
  });

  it('refuses a request signed with another secret (the receiver really checks)', async () => {
    const forged = new BotLink(wb.link.eventsUrl, 'not-the-secret');
    expect((await forged.form(slashCommand({ text: 'help', responseUrl: `${wb.url}/response/forged` }))).status).toBe(401);
  });

  it('a /coupon from the page ends as the private card the bot sent at the response_url', async () => {
    await wb.interactions.send(CHANNELS.triage.id, '/coupon 0000999999 012345678902');
    await expect.poll(() => wb.world.messages.find((m) => m.via === 'response_url (ephemeral)')).toBeDefined();
    const card = wb.world.messages.find((m) => m.via === 'response_url (ephemeral)')!;
    expect(card.ephemeralFor).toBe(PERSON.ko.id);
    expect(JSON.stringify(card.blocks)).toContain('2,500원');
  });

  it('answers only to names of this machine and refuses cross-site page actions', async () => {
    const port = wb.port;
    const at = (host: string) =>
      request(`http://127.0.0.1:${port}/`, { headers: { host } }).then(async (r) => (await r.body.text(), r.statusCode));
    expect(await at(`127.0.0.1:${port}`)).toBe(200);
    expect(await at(`localhost:${port}`)).toBe(200);
    expect(await at(`evil.example:${port}`)).toBe(421);
    const cross = await request(`http://127.0.0.1:${port}/ui/send`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: CHANNELS.triage.id, text: 'x' }),
    });
    await cross.body.text();
    expect(cross.statusCode).toBe(403);
  });

  it('shows hostile text from a message as text', async () => {
    await wb.interactions.send(CHANNELS.triage.id, '<script>alert(1)</script> <img src=x onerror=alert(1)> *굵게*');
    const html = pageState(wb.world, CHANNELS.triage.id, undefined).messages;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<b>굵게</b>');
  });
});

describe('with COUPON_COMMAND set in the operator environment', () => {
  // The page's Slack declares `/coupon` (the manifest as shipped); a renamed command is a
  // Slack-side setting like SLACK_*, so it must not reach the bot, or /coupon in the page
  // would go unanswered.
  let wb: Workbench;
  beforeAll(async () => {
    wb = await startWorkbench({ port: 0, env: { COUPON_COMMAND: '/giftcheck', SLACK_BOT_TOKEN: 'xoxb-real-token' } });
  });
  afterAll(async () => {
    await wb.stop();
  });

  it('/coupon in the page still gets the card', async () => {
    await wb.interactions.send(CHANNELS.triage.id, '/coupon 0000999999 012345678902');
    await expect.poll(() => wb.world.messages.find((m) => m.via === 'response_url (ephemeral)')).toBeDefined();
    expect(JSON.stringify(wb.world.messages.find((m) => m.via === 'response_url (ephemeral)')!.blocks)).toContain('2,500원');
  });

  it('the bot gets neither the renamed command nor the real token', () => {
    const env = botEnv(
      { COUPON_COMMAND: '/giftcheck', COUPON_GOODS: 'A=a', SLACK_BOT_TOKEN: 'xoxb-real' },
      'http://127.0.0.1:1/api/',
      's',
      'xoxb-placeholder',
    );
    expect(env.COUPON_COMMAND).toBeUndefined();
    expect(env.COUPON_GOODS).toBe('A=a');
    expect(env.SLACK_BOT_TOKEN).toBe('xoxb-placeholder');
  });
});
