/**
 * The reference peer: the smallest honest Bolt bot doing the same job. `/coupon <goods>
 * <barcode>` → ack → one global `fetch` POST to the vendor URL → a regex over the decoded XML →
 * `respond`. No validation, cache, coalescing, retries, timeouts, locale or logging.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

export interface NaiveBotOptions {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly slackApiUrl: string;
  readonly vendorUrl: string;
  readonly pocId: string;
  readonly host: string;
}

export interface NaiveBot {
  readonly port: number;
  close(): Promise<void>;
}

const EUC_KR = new TextDecoder('euc-kr');

/** The text of `<name>` (CDATA or plain), or '' when absent. */
function field(xml: string, name: string): string {
  const m = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[)?([^<\\]]*)`).exec(xml);
  return m?.[1]?.trim() ?? '';
}

export async function startNaiveBot(o: NaiveBotOptions): Promise<NaiveBot> {
  const receiver = new HTTPReceiver({ signingSecret: o.signingSecret, logLevel: LogLevel.ERROR });
  const app = new App({ token: o.botToken, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: o.slackApiUrl } });

  app.command('/coupon', async ({ command, ack, respond }) => {
    await ack();
    const [goodsId = '', barcode = ''] = command.text.trim().split(/\s+/);
    const res = await fetch(o.vendorUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ POC_ID: o.pocId, GOODS_ID: goodsId, BARCODE_NUM: barcode }).toString(),
    });
    const xml = EUC_KR.decode(await res.arrayBuffer());
    const code = field(xml, 'RESULT_CODE');
    const text =
      code === '00'
        ? `*${goodsId}* ${barcode.slice(0, 4)}…: ${field(xml, 'REMAIN_AMOUNT')} / ${field(xml, 'TOTAL_AMOUNT')} (${field(xml, 'VALID_END_DATE')})`
        : `Error ${code}: ${field(xml, 'RESULT_MSG')}`;
    await respond({ response_type: 'ephemeral', text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  });

  const server = (await app.start({ port: 0, host: o.host })) as Server;
  return {
    port: (server.address() as AddressInfo).port,
    close: () => app.stop().then(() => undefined),
  };
}
