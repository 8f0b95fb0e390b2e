/**
 * Regenerates workbench.png at the repo root (the picture beside the README's quick start):
 * the workbench with a /coupon card in the channel and a shortcut's card in a thread.
 *   npx tsx test/workbench/take-screenshot.ts [out.png]
 * Needs /usr/bin/chromium; Korean and emoji fonts (fonts-nanum, fonts-noto-color-emoji) make
 * it readable.
 */
import { chromium } from 'playwright-core';
import { startWorkbench } from '../../src/workbench/workbench.js';

const out = process.argv[2] ?? 'workbench.png';
const wb = await startWorkbench({ port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, locale: 'ko-KR' });
  await page.goto(wb.url);
  await page.waitForSelector('#messages li.msg >> nth=3');
  // The shortcut on the first complaint: its card goes to the thread.
  const complaint = page.locator(`#messages > li[data-message-id="${wb.samples.get('phone')}"]`);
  await complaint.hover();
  await complaint.locator('.msg-more').click();
  await complaint.getByRole('menuitem', { name: '쿠폰 조회' }).click();
  await complaint.locator('.msg-replies').waitFor();
  await complaint.locator('.msg-replies').click();
  await page.locator('#thread-messages > li.msg').nth(1).waitFor();
  // A /coupon in the channel: the private card.
  const box = page.getByRole('textbox', { name: '메시지 / message' });
  await box.fill('/coupon 0000133518 001133518001');
  await box.press('Enter');
  await page.locator('#messages > li.msg--ephemeral .bk-header').waitFor();
  await page.mouse.move(0, 0);
  await page.locator('#messages').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await wb.stop();
}
