/** Test helpers: talk to the sandbox the way a client does (undici), decode with iconv-lite. */
import iconv from 'iconv-lite';
import { request, type Dispatcher } from 'undici';

export const FORM = 'application/x-www-form-urlencoded';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
  /** The body decoded as EUC-KR (iconv-lite's EUC-KR is the CP949 superset). */
  readonly text: string;
}

/** POST a form to `url` and read the whole answer. */
export async function post(
  url: string,
  fields: Record<string, string>,
  options: { dispatcher?: Dispatcher; contentType?: string } = {},
): Promise<Answer> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? FORM },
    body: new URLSearchParams(fields).toString(),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, bytes, text: iconv.decode(bytes, 'euc-kr') };
}

/** A lookup with the sandbox's default POC_ID. */
export function lookup(url: string, goodsId: string, barcode: string, options?: { dispatcher?: Dispatcher }): Promise<Answer> {
  return post(url, { POC_ID: 'SANDBOX', GOODS_ID: goodsId, BARCODE_NUM: barcode }, options);
}

/** `<NAME>value</NAME>` as the sandbox writes a tidy element. */
export function tag(name: string, value: string): string {
  return `<${name}>${value}</${name}>`;
}

/** The RESULT_CODE of a tidy answer, or undefined. */
export function resultCode(text: string): string | undefined {
  return /<RESULT_CODE>\s*([^<]*?)\s*<\/RESULT_CODE>/.exec(text)?.[1];
}

/** How many times `needle` occurs in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** 2024-02-29 15:30 UTC = 2024-03-01 00:30 KST: the KST day differs from the UTC day (and Feb has 29 days). */
export const FIXED_NOW = Date.UTC(2024, 1, 29, 15, 30, 0);
