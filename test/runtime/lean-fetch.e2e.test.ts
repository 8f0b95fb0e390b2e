import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeanFetch } from '../../src/runtime/lean-fetch.js';

describe('lean fetch (Slack Web API and response_url calls)', () => {
  let server: Server;
  let base = '';
  const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];
  const lean = createLeanFetch({ timeoutMs: 300 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/empty') {
          res.writeHead(204);
          res.end();
          return;
        }
        if (req.url === '/cookies') {
          res.setHeader('set-cookie', ['a=1', 'b=2']);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('two cookies');
          return;
        }
        if (req.url === '/limited') {
          res.writeHead(429, { 'Retry-After': '7', 'content-type': 'application/json' });
          res.end('{"ok":false,"error":"ratelimited"}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'X-OAuth-Scopes': 'commands,chat:write' });
        res.end(JSON.stringify({ ok: true, echo: body }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await lean.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('posts a string body with its headers and reads a JSON answer like fetch', async () => {
    const res = await lean.fetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer xoxb-test' },
      body: '{"text":"hi"}',
    });
    expect([res.ok, res.status, res.statusText, res.url]).toEqual([true, 200, 'OK', `${base}/api/chat.postMessage`]);
    expect(res.headers.get('x-oauth-scopes')).toBe('commands,chat:write');
    expect(res.headers.get('X-OAUTH-SCOPES')).toBe('commands,chat:write');
    expect(res.headers.get('missing')).toBeNull();
    expect(Object.fromEntries(res.headers.entries())['content-type']).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, echo: '{"text":"hi"}' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
    });
  });

  it('hands a 429 and its Retry-After to the caller, as the Web API client expects', async () => {
    const res = await lean.fetch(`${base}/limited`, { method: 'POST', body: 'x=1' });
    expect([res.ok, res.status, res.headers.get('retry-after')]).toEqual([false, 429, '7']);
    expect(await res.text()).toContain('ratelimited');
  });

  it('accepts a Headers object and passes a non-string body to the real fetch', async () => {
    const res = await lean.fetch(`${base}/form`, {
      method: 'POST',
      headers: new Headers({ 'x-test': 'yes' }),
      body: new URLSearchParams({ a: 'b' }),
    });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ body: 'a=b', headers: { 'x-test': 'yes' } });
  });

  it('gives up on a server that never answers instead of hanging the reply', async () => {
    await expect(lean.fetch(`${base}/hang`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
  });

  it('gives up on the real-fetch path too: a non-string body, or a Request, to a server that never answers', async () => {
    await expect(lean.fetch(`${base}/hang`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await expect(lean.fetch(new Request(`${base}/hang`, { method: 'POST', body: 'x' }))).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it("keeps the caller's own abort signal on the real-fetch path", async () => {
    const caller = new AbortController();
    const pending = lean.fetch(`${base}/hang`, { method: 'POST', body: new URLSearchParams({ a: 'b' }), signal: caller.signal });
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers with a real Response and real Headers, readable once, cloneable before', async () => {
    const res = await lean.fetch(`${base}/api/chat.postMessage`, { method: 'POST', body: '{"n":1}' });
    expect(res).toBeInstanceOf(Response);
    expect(res.headers).toBeInstanceOf(Headers);
    expect(res.url).toBe(`${base}/api/chat.postMessage`);
    const copy = res.clone();
    expect(copy).toBeInstanceOf(Response);
    expect([copy.status, copy.statusText, copy.url, copy.headers.get('content-type')]).toEqual([200, 'OK', res.url, 'application/json']);
    expect(await copy.json()).toEqual({ ok: true, echo: '{"n":1}' });
    expect(res.bodyUsed).toBe(false);
    expect(await res.text()).toBe('{"ok":true,"echo":"{\\"n\\":1}"}');
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(TypeError);
    expect(() => res.clone()).toThrow(TypeError);
  });

  it('its body is a readable stream too, and reading it uses the body up', async () => {
    const res = await lean.fetch(`${base}/api/x`, { method: 'POST', body: '{"s":1}' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body!) chunks.push(chunk);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual({ ok: true, echo: '{"s":1}' });
    expect(res.bodyUsed).toBe(true);
    await expect(res.json()).rejects.toThrow(TypeError);
    const read = await lean.fetch(`${base}/api/x`, { method: 'POST', body: '{}' });
    await read.arrayBuffer();
    expect(read.body!.locked || read.bodyUsed).toBe(true);
    await expect(read.blob()).rejects.toThrow(TypeError);
  });

  it('gives a 204 a null body and keeps repeated headers', async () => {
    const empty = await lean.fetch(`${base}/empty`, { method: 'POST', body: '' });
    expect([empty.status, empty.body, await empty.text()]).toEqual([204, null, '']);
    const cookies = await lean.fetch(`${base}/cookies`, { method: 'POST', body: '' });
    expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await cookies.text()).toBe('two cookies');
  });
});
