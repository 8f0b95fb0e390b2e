/** Small HTTP helpers of the sandbox server: bodies out, form fields in, pauses that stop on close. */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { encodeXml, escapeXml, XML_CONTENT_TYPE } from './xml.js';
import { sleep } from '../../time/sleep.js';

export const HTML_CONTENT_TYPE = 'text/html; charset=EUC-KR';

/** Wait `ms`; rejects when `signal` aborts (the sandbox is closing). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (ms > 0) await sleep(ms, { signal });
}

/** Send a whole body with its length, unless the client is already gone. */
export function sendBody(res: ServerResponse, status: number, contentType: string, body: Buffer, headers: OutgoingHttpHeaders = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(body);
}

/** HTTP 200 with an XML answer in EUC-KR, as the vendor sends it. */
export function sendXml(res: ServerResponse, xml: string): void {
  sendBody(res, 200, XML_CONTENT_TYPE, encodeXml(xml));
}

/** A small HTML page (EUC-KR), the kind servers and proxies send when something is off. */
export function htmlPage(title: string, text: string): Buffer {
  const t = escapeXml(title);
  return iconv.encode(
    `<!DOCTYPE html>\n<html lang="ko">\n<head><meta charset="EUC-KR"><title>${t}</title></head>\n` +
      `<body><h1>${t}</h1><p>${escapeXml(text)}</p></body>\n</html>\n`,
    'cp949',
  );
}

export function sendPage(res: ServerResponse, status: number, title: string, text: string, headers: OutgoingHttpHeaders = {}): void {
  sendBody(res, status, HTML_CONTENT_TYPE, htmlPage(title, text), headers);
}

/** Form fields of an `application/x-www-form-urlencoded` body; any other body has none. */
export function parseForm(contentType: string | undefined, body: Buffer): URLSearchParams {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
}
