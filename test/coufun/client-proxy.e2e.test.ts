import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Agent, EnvHttpProxyAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoufunClient, type CoufunClient } from '../../src/coufun/client.js';
import { createDefaultDispatcher, proxySettings } from '../../src/coufun/dispatcher.js';
import { sendXml, serve, successFor, type Loopback } from './client-servers.js';

const REQ = { pocId: 'POC01', goodsId: 'G100', barcode: '012345678901' };

interface TunnelProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT received. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/** A minimal HTTP CONNECT proxy on loopback; `refuse` answers every CONNECT with 403. */
async function startProxy(refuse = false): Promise<TunnelProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    sockets.add(client);
    if (refuse) {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('proxySettings', () => {
  it('is null when no proxy variable is set', () => {
    expect(proxySettings({})).toBeNull();
    expect(proxySettings({ NO_PROXY: 'localhost', HTTP_PROXY: '  ' })).toBeNull();
  });

  it('reads upper- and lowercase names, lowercase first', () => {
    expect(proxySettings({ HTTPS_PROXY: 'http://p:3128' })).toEqual({ httpProxy: '', httpsProxy: 'http://p:3128', noProxy: '' });
    expect(proxySettings({ HTTP_PROXY: 'http://upper:1', http_proxy: 'http://lower:2', no_proxy: 'a.kr' })).toEqual({
      httpProxy: 'http://lower:2',
      httpsProxy: '',
      noProxy: 'a.kr',
    });
  });
});

describe('createDefaultDispatcher', () => {
  it('uses EnvHttpProxyAgent when a proxy is set, a plain Agent otherwise', async () => {
    const proxied = createDefaultDispatcher({ HTTP_PROXY: 'http://127.0.0.1:9' }, 1000);
    const direct = createDefaultDispatcher({}, 1000);
    expect(proxied).toBeInstanceOf(EnvHttpProxyAgent);
    expect(direct).toBeInstanceOf(Agent);
    expect(direct).not.toBeInstanceOf(EnvHttpProxyAgent);
    await Promise.all([proxied.close(), direct.close()]);
  });
});

describe('client through an outbound proxy', () => {
  let vendor: Loopback | undefined;
  let proxy: TunnelProxy | undefined;
  let client: CoufunClient | undefined;
  afterEach(async () => {
    await client?.close();
    await proxy?.close();
    await vendor?.close();
    client = proxy = vendor = undefined;
  });

  it('sends the request through HTTP_PROXY', async () => {
    vendor = await serve((seen, res) => sendXml(res, successFor(seen)));
    proxy = await startProxy();
    client = createCoufunClient({ url: vendor.url, timeoutMs: 5000, env: { HTTP_PROXY: proxy.url } });

    await expect(client.query(REQ)).resolves.toMatchObject({ ok: true });
    expect(proxy.tunnels).toEqual([`127.0.0.1:${vendor.port}`]);
    expect(vendor.requests).toHaveLength(1);
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    vendor = await serve((seen, res) => sendXml(res, successFor(seen)));
    proxy = await startProxy();
    client = createCoufunClient({ url: vendor.url, timeoutMs: 5000, env: { http_proxy: proxy.url, no_proxy: '127.0.0.1' } });

    await expect(client.query(REQ)).resolves.toMatchObject({ ok: true });
    expect(proxy.tunnels).toEqual([]);
  });

  it('reports a proxy that refuses the tunnel as NetworkError without retrying', async () => {
    vendor = await serve((seen, res) => sendXml(res, successFor(seen)));
    proxy = await startProxy(true);
    client = createCoufunClient({ url: vendor.url, timeoutMs: 5000, env: { HTTP_PROXY: proxy.url }, sleep: async () => {} });

    await expect(client.query(REQ)).rejects.toMatchObject({ name: 'NetworkError', reason: 'proxy refused the tunnel' });
    expect(proxy.tunnels).toHaveLength(1);
    expect(vendor.requests).toHaveLength(0);
  });
});
