/**
 * The workbench in a real browser: Debian's Chromium driven by playwright-core, against one
 * workbench (the real bot, the stand-in for Slack, the built-in sandbox) for the whole file.
 * Each case leaves a screenshot in test-results/workbench/ for people to look at.
 *
 * Without Chromium the suite is skipped on a developer's machine (test/support/services.ts says
 * why, in one line, and how to install it) and fails under CI, which must always run it.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../src/workbench/workbench.js';
import { CHANNELS } from '../../src/workbench/world.js';
import { service } from '../support/services.js';

const chromium = service('chromium');
const SHOTS = 'test-results/workbench';

describe.skipIf(chromium.skip)('workbench in Chromium', () => {
  let wb: Workbench;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const playwright = await import('playwright-core');
    [wb, browser] = await Promise.all([
      startWorkbench({ port: 0 }),
      playwright.chromium.launch({
        executablePath: chromium.path,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      }),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'ko-KR' });
    // Nothing may leave the machine: every request elsewhere is refused and recorded.
    await page.route(
      (url) => !url.href.startsWith(wb.url),
      async (route) => {
        outside.push(route.request().url());
        await route.abort();
      },
    );
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(wb.url);
    await page.waitForSelector('#messages li.msg >> nth=3');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await wb?.stop();
  });

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${SHOTS}/${name}.png` });
  const channelMsgs = (): Locator => page.locator('#messages > li.msg');
  const threadMsgs = (): Locator => page.locator('#thread-messages > li.msg');
  const sample = (key: Parameters<Workbench['samples']['get']>[0]): Locator =>
    page.locator(`#messages > li[data-message-id="${wb.samples.get(key)}"]`);

  /** What the person reads in a message: its header, body and notes, without the JSON toggle. */
  const readable = (message: Locator): Promise<string> =>
    message.evaluate((li) =>
      [...li.querySelectorAll('.msg-head, .msg-ephemeral-note, .msg-body')].map((e) => (e as HTMLElement).innerText).join('\n'),
    );

  /** Open a message's thread from its reply count, once it shows `n` replies. */
  async function openThread(message: Locator, n: number): Promise<void> {
    const replies = message.locator('.msg-replies');
    await expect.poll(() => replies.innerText().catch(() => '')).toBe(`답글 ${n}개`);
    await replies.click();
    const parentId = await message.getAttribute('data-message-id');
    await expect
      .poll(() =>
        threadMsgs()
          .first()
          .getAttribute('data-message-id')
          .catch(() => null),
      )
      .toBe(parentId);
  }

  async function send(text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: '메시지 / message' });
    await box.fill(text);
    await box.press('Enter');
  }

  async function openChannel(id: string): Promise<void> {
    await page.locator(`#sidebar button[data-channel="${id}"]`).click();
    await expect.poll(() => page.locator('#sidebar [aria-current="page"]').getAttribute('data-channel')).toBe(id);
  }

  /** Run the 쿠폰 조회 shortcut from a message's "more actions" menu, by keyboard. */
  async function shortcut(message: Locator): Promise<void> {
    await message.hover();
    const toggle = message.locator('.msg-more');
    // Reachable by Tab: a focusable, visible button (not hidden until hover).
    expect(await toggle.evaluate((el) => [(el as HTMLElement).tabIndex, getComputedStyle(el).visibility])).toEqual([0, 'visible']);
    await toggle.focus();
    await toggle.press('Enter');
    const item = message.getByRole('menuitem', { name: '쿠폰 조회' });
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
    await item.press('Enter');
  }

  it('/coupon 0000999999 012345678902 → a private card with its balance', async () => {
    await send('/coupon 0000999999 012345678902');
    const card = channelMsgs()
      .filter({ hasText: '배민 상품권 1만원' })
      .filter({ has: page.locator('.bk-header') })
      .last();
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => readable(card)).toContain('2,500원');
    const text = await readable(card);
    expect(text).toContain('나에게만 표시');
    expect(text).toContain('••••8902');
    expect(text).not.toContain('012345678902');
    expect(await card.getAttribute('class')).toContain('msg--ephemeral');
    expect(await card.getByRole('button', { name: '채널에 공유' }).count()).toBe(1);
    expect(await card.getByRole('button', { name: '새로고침' }).count()).toBe(1);
    // View JSON shows exactly what the bot sent; the Builder link carries its blocks.
    await card.locator('details.msg-json summary').click();
    const json = JSON.parse(await card.locator('details.msg-json pre').innerText()) as { response_type?: string; blocks?: unknown[] };
    expect(json.response_type).toBe('ephemeral');
    const href = await card.getByRole('link', { name: 'Block Kit Builder에서 열기' }).getAttribute('href');
    expect(href?.startsWith('https://app.slack.com/block-kit-builder/#')).toBe(true);
    expect(JSON.parse(decodeURIComponent(href!.split('#')[1]!))).toEqual({ blocks: json.blocks });
    await shot('01-command-card');
    await card.locator('details.msg-json summary').click();
  }, 30_000);

  it('채널에 공유 → the card posted in the channel, naming who shared it', async () => {
    const privateCard = page.locator('#messages > li.msg--ephemeral').filter({ hasText: '2,500원' }).last();
    await privateCard.getByRole('button', { name: '채널에 공유' }).click();
    const shared = page.locator('#messages > li.msg:not(.msg--ephemeral)').filter({ hasText: '2,500원' });
    await expect.poll(() => shared.count()).toBe(1);
    const text = await readable(shared);
    expect(text).toContain('공유: @김지은 (운영팀)');
    expect(text).not.toContain('나에게만 표시');
    expect(await shared.getByRole('button').filter({ hasText: '새로고침' }).count()).toBe(0);
    await shot('02-shared-card');
  }, 30_000);

  it('새로고침 → the private card replaced in place', async () => {
    const privateCard = page.locator('#messages > li.msg--ephemeral').filter({ hasText: '2,500원' }).last();
    const id = await privateCard.getAttribute('data-message-id');
    const before = await page.locator('#messages > li.msg--ephemeral').filter({ hasText: '2,500원' }).count();
    await privateCard.getByRole('button', { name: '새로고침' }).click();
    const same = page.locator(`#messages > li[data-message-id="${id}"]`);
    await expect.poll(() => same.getAttribute('data-via')).toBe('response_url (replace_original)');
    expect(await readable(same)).toContain('(편집됨)');
    expect(await readable(same)).toContain('2,500원');
    expect(await page.locator('#messages > li.msg--ephemeral').filter({ hasText: '2,500원' }).count()).toBe(before);
    await shot('03-refreshed-card');
  }, 30_000);

  it('쿠폰 조회 on a sample complaint → the card in its thread', async () => {
    const complaint = sample('phone');
    await shortcut(complaint);
    await openThread(complaint, 1);
    const card = threadMsgs().filter({ hasText: '확인: @김지은 (운영팀)' });
    await expect.poll(() => card.count()).toBe(1);
    const text = await readable(card);
    expect(text).toContain('••••8902');
    expect(text).toContain('2,500원');
    expect(text).not.toContain('나에게만 표시');
    await shot('04-shortcut-thread');
    await page.locator('#thread-close').click();
  }, 30_000);

  it('쿠폰 조회 on a bot-forwarded message whose text is only in blocks → the card in its thread', async () => {
    const forwarded = sample('forwarded');
    expect(await readable(forwarded)).toContain('새 CS 티켓 #4821');
    await shortcut(forwarded);
    await openThread(forwarded, 1);
    const card = threadMsgs().filter({ hasText: '확인: @김지은 (운영팀)' });
    await expect.poll(() => card.count()).toBe(1);
    const text = await readable(card);
    expect(text).toContain('교촌 허니콤보 + 콜라 1.25L');
    expect(text).toContain('••••0025');
    await page.locator('#thread-close').click();
  }, 30_000);

  it('쿠폰 조회 on a complaint without a product → modal; a wrong number → the inline error', async () => {
    await shortcut(sample('no_product'));
    const modal = page.getByRole('dialog');
    await expect.poll(() => modal.count()).toBe(1);
    expect(await modal.locator('.bk-modal-title').innerText()).toBe('쿠폰 조회');
    const barcodes = modal.locator('textarea');
    expect(await barcodes.inputValue()).toBe('012345678901');
    await modal.locator('select').selectOption({ label: '배민 상품권 1만원 (0000999999)' });
    await barcodes.fill('쿠폰012345678901');
    await modal.getByRole('button', { name: '조회' }).click();
    const error = modal.getByRole('alert');
    await expect.poll(() => error.innerText().catch(() => '')).toContain('1번째 쿠폰번호');
    // What was typed stays, as in Slack.
    expect(await barcodes.inputValue()).toBe('쿠폰012345678901');
    expect(await modal.locator('select').inputValue()).toBe('0000999999');
    await shot('05-modal-inline-error');
  }, 30_000);

  it('… corrected and submitted → the modal closes and the card is in the thread', async () => {
    const modal = page.getByRole('dialog');
    await modal.locator('textarea').fill('0123-4567-8901');
    await modal.getByRole('button', { name: '조회' }).click();
    await expect.poll(() => modal.count()).toBe(0);
    await openThread(sample('no_product'), 1);
    const card = threadMsgs().filter({ hasText: '확인: @김지은 (운영팀)' });
    await expect.poll(() => card.count()).toBe(1);
    const text = await readable(card);
    expect(text).toContain('••••8901');
    expect(text).toMatch(/잔액\s*10,000원/);
    await shot('06-modal-thread');
    await page.locator('#thread-close').click();
  }, 30_000);

  it('the channel that is not permitted → the refusal, privately', async () => {
    await openChannel(CHANNELS.general.id);
    await shortcut(page.locator(`#messages > li[data-message-id="${wb.samples.get('elsewhere')}"]`));
    const refusal = page.locator('#messages > li.msg--ephemeral').filter({ hasText: 'ALLOWED_CHANNEL_IDS' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await readable(refusal)).toContain(CHANNELS.general.id);
    await send('/coupon 0000999999 012345678901');
    await expect.poll(() => refusal.count()).toBe(2);
    expect(await page.locator('#messages .bk-header').count()).toBe(0);
    await shot('07-not-permitted');
    await openChannel(CHANNELS.triage.id);
  }, 30_000);

  it('English Slack locale → the English card', async () => {
    await page.locator('#locale').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await send('/coupon 0000999999 012345678901');
    const card = page.locator('#messages > li.msg--ephemeral').filter({ hasText: 'Requested by' });
    await expect.poll(() => card.count()).toBe(1);
    const text = await readable(card);
    expect(text).toContain('Only visible to you');
    expect(await card.getByRole('button', { name: 'Share in channel' }).count()).toBe(1);
    expect(text).toContain('10,000');
    await shot('08-english-card');
    await page.locator('#locale').selectOption('ko');
  }, 30_000);

  it('loaded nothing from outside the machine and threw no script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
