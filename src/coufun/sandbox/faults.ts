/** Acting out the fault seeds: the HTTP exchange itself goes wrong in one specific way. */
import type { ServerResponse } from 'node:http';
import type { Fault } from './scenario.js';
import { HTML_CONTENT_TYPE, htmlPage, pause, sendBody, sendPage, sendXml } from './respond.js';
import { encodeXml, XML_CONTENT_TYPE } from './xml.js';

/** The oversize answer is at least this long: four times a 256 KiB client cap. */
export const OVERSIZE_MIN_BYTES = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

export interface FaultContext {
  readonly slowMs: number;
  /** Aborts when the sandbox closes. */
  readonly signal: AbortSignal;
  /** `http://host:port` of the sandbox, for the redirect target. */
  readonly origin: string;
}

/** Act out `fault`; `xml` is what a healthy server would have answered. */
export async function sendFault(res: ServerResponse, fault: Fault, xml: string, ctx: FaultContext): Promise<void> {
  switch (fault) {
    case 'slow':
      await pause(ctx.slowMs, ctx.signal);
      return sendXml(res, xml);
    case 'hang':
      return; // never answer; close() destroys the connection
    case 'http500':
      return sendPage(res, 500, 'HTTP Status 500 - Internal Server Error', '요청을 처리하는 중 서버 내부 오류가 발생하였습니다.');
    case 'html200':
      return sendPage(res, 200, '시스템 점검 안내', '보다 나은 서비스를 위하여 시스템 점검 중입니다. 이용에 불편을 드려 죄송합니다.');
    case 'truncated':
      return sendBody(res, 200, XML_CONTENT_TYPE, encodeXml(truncate(xml)));
    case 'redirect':
      return sendBody(res, 302, HTML_CONTENT_TYPE, htmlPage('302 Found', 'Moved'), { Location: `${ctx.origin}/b2c_api/login.do` });
    case 'reset': {
      const body = encodeXml(xml);
      res.writeHead(200, { 'Content-Type': XML_CONTENT_TYPE, 'Content-Length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
      return;
    }
    case 'oversize':
      return streamOversize(res, xml, ctx.signal);
  }
}

/** The XML cut inside the value of VALID_END_DATE (or in half, if it has none). */
function truncate(xml: string): string {
  const open = '<VALID_END_DATE>';
  const at = xml.indexOf(open);
  return xml.slice(0, at < 0 ? xml.length >> 1 : at + open.length + 4);
}

/** The healthy answer's order repeated in `<ORDER_INFO>` blocks until the body passes 1 MiB. */
async function streamOversize(res: ServerResponse, xml: string, signal: AbortSignal): Promise<void> {
  const msgEnd = xml.indexOf('</RESULT_MSG>') + '</RESULT_MSG>'.length;
  const rootEnd = xml.lastIndexOf('</COUFUNSEARCH>');
  const block = `  <ORDER_INFO>\n  ${xml.slice(msgEnd, rootEnd).trim()}\n  </ORDER_INFO>\n`;
  const chunk = encodeXml(block.repeat(Math.ceil(CHUNK_BYTES / block.length)));
  res.writeHead(200, { 'Content-Type': XML_CONTENT_TYPE }); // no length: chunked, as a streaming server would
  let sent = 0;
  const write = async (bytes: Buffer): Promise<boolean> => {
    if (signal.aborted || res.destroyed) return false;
    sent += bytes.length;
    if (!res.write(bytes)) await drained(res);
    return true;
  };
  if (!(await write(encodeXml(`${xml.slice(0, msgEnd)}\n`)))) return;
  while (sent < OVERSIZE_MIN_BYTES) if (!(await write(chunk))) return;
  if (!res.destroyed) res.end(encodeXml('</COUFUNSEARCH>\n'));
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
