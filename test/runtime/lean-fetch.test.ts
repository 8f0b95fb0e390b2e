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
    expect(seen.at(-1)).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' } });
  });

  it('hands a 429 and its Retry-After to the caller, as the Web API client expects', async () => {
    const res = await lean.fetch(`${base}/limited`, { method: 'POST', body: 'x=1' });
    expect([res.ok, res.status, res.headers.get('retry-after')]).toEqual([false, 429, '7']);
    expect(await res.text()).toContain('ratelimited');
  });

  it('accepts a Headers object and passes a non-string body to the real fetch', async () => {
    const res = await lean.fetch(`${base}/form`, { method: 'POST', headers: new Headers({ 'x-test': 'yes' }), body: new URLSearchParams({ a: 'b' }) });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ body: 'a=b', headers: { 'x-test': 'yes' } });
  });

  it('gives up on a server that never answers instead of hanging the reply', async () => {
    await expect(lean.fetch(`${base}/hang`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
  });
});
