import { describe, expect, it } from 'vitest';
import { configProblems } from './support/config-problems.js';
import { loadAppConfig } from '../src/config/app.js';
import { ConfigError, type Env } from '../src/config/env.js';
import { SANDBOX_GOODS } from '../src/coufun/environments.js';

const BOT = 'xoxb-1111-2222-abcdef';
const APP = 'xapp-1-A0123-456-abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

/** Smallest valid HTTP-mode environment. */
const HTTP: Env = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
/** Smallest valid Socket Mode environment. */
const SOCKET: Env = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP };

const problemsOf = (env: Env): readonly string[] => configProblems(loadAppConfig, env);

describe('loadAppConfig: mode', () => {
  it('without SLACK_APP_TOKEN: HTTP mode, signing secret required, port 3000 by default', () => {
    const c = loadAppConfig(HTTP);
    expect(c.slack).toMatchObject({ mode: 'http', botToken: BOT, signingSecret: SECRET, appToken: undefined, port: 3000 });
  });

  it('with SLACK_APP_TOKEN: Socket Mode, no signing secret or port needed', () => {
    const c = loadAppConfig(SOCKET);
    expect(c.slack).toMatchObject({ mode: 'socket', appToken: APP, signingSecret: undefined, port: undefined });
  });

  it('Socket Mode keeps a signing secret if given, and a port only when PORT is set (for /healthz)', () => {
    const c = loadAppConfig({ ...SOCKET, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' });
    expect(c.slack).toMatchObject({ mode: 'socket', signingSecret: SECRET, port: 8080 });
  });

  it('an empty SLACK_APP_TOKEN counts as unset: HTTP mode', () => {
    expect(loadAppConfig({ ...HTTP, SLACK_APP_TOKEN: '' }).slack.mode).toBe('http');
    expect(loadAppConfig({ ...HTTP, SLACK_APP_TOKEN: '   ' }).slack.mode).toBe('http');
  });

  it('an empty SLACK_APP_TOKEN with no signing secret asks for the secret (HTTP mode)', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: '' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(problems[0]).toContain('SLACK_APP_TOKEN');
  });

  it('an empty SLACK_SIGNING_SECRET counts as unset', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: '' })[0]).toContain('SLACK_SIGNING_SECRET');
  });
});

describe('loadAppConfig: token shapes', () => {
  it('SLACK_BOT_TOKEN is required', () => {
    const problems = problemsOf({ SLACK_SIGNING_SECRET: SECRET });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SLACK_BOT_TOKEN is required');
  });

  it.each(['xoxp-1-2-3', 'xapp-1-A-2-b', 'abc'])('SLACK_BOT_TOKEN=%s is not a bot token', (token) => {
    const problems = problemsOf({ ...HTTP, SLACK_BOT_TOKEN: token });
    expect(problems).toEqual(['SLACK_BOT_TOKEN must be a bot token starting with "xoxb-".']);
  });

  it.each(['xoxb-1-2-3', 'xoxp-1', 'abc'])('SLACK_APP_TOKEN=%s is not an app-level token', (token) => {
    const problems = problemsOf({ ...SOCKET, SLACK_APP_TOKEN: token });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"xapp-"');
  });

  it('a bad token is never echoed into the problem text', () => {
    const leaked = 'xoxp-secret-user-token-value';
    const problems = problemsOf({ ...HTTP, SLACK_BOT_TOKEN: leaked, SLACK_APP_TOKEN: leaked });
    for (const p of problems) expect(p).not.toContain('secret-user-token');
  });
});

describe('loadAppConfig: PORT', () => {
  it.each([
    ['0', 0],
    ['8080', 8080],
    ['65535', 65_535],
    [' 3001 ', 3001],
  ])('PORT=%j → %d', (raw, port) => {
    expect(loadAppConfig({ ...HTTP, PORT: raw }).slack.port).toBe(port);
  });

  it.each(['65536', '-1', 'http', '80.5', '3e3'])('PORT=%s is refused', (raw) => {
    expect(problemsOf({ ...HTTP, PORT: raw })).toEqual([`PORT="${raw}" must be a whole number from 0 to 65535.`]);
  });

  it('a bad PORT is refused in Socket Mode too', () => {
    expect(problemsOf({ ...SOCKET, PORT: '70000' })).toHaveLength(1);
  });

  it('an empty PORT counts as unset', () => {
    expect(loadAppConfig({ ...HTTP, PORT: '' }).slack.port).toBe(3000);
    expect(loadAppConfig({ ...SOCKET, PORT: '' }).slack.port).toBeUndefined();
  });
});

describe('loadAppConfig: ALLOWED_CHANNEL_IDS', () => {
  it('unset → no channel allowed', () => {
    expect(loadAppConfig(HTTP).slack.allowlist).toEqual({ all: false, ids: new Set() });
  });

  it('"*" → every channel', () => {
    expect(loadAppConfig({ ...HTTP, ALLOWED_CHANNEL_IDS: '*' }).slack.allowlist).toEqual({ all: true });
  });

  it('a list of IDs', () => {
    const { allowlist } = loadAppConfig({ ...HTTP, ALLOWED_CHANNEL_IDS: 'C0123ABCD, G0ABCDEFG' }).slack;
    expect(allowlist).toEqual({ all: false, ids: new Set(['C0123ABCD', 'G0ABCDEFG']) });
  });

  it('bad IDs are each a problem', () => {
    const problems = problemsOf({ ...HTTP, ALLOWED_CHANNEL_IDS: 'C0123ABCD,#general,c0123abcd,*' });
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.startsWith('ALLOWED_CHANNEL_IDS has '))).toBe(true);
  });
});

describe('loadAppConfig: goods catalog', () => {
  it("sandbox (COUFUN_ENV unset) with COUPON_GOODS unset → the sandbox's own products", () => {
    const { catalog, coufun } = loadAppConfig(HTTP);
    expect(coufun.env).toBe('sandbox');
    expect(catalog.entries.map((e) => ({ id: e.id, name: e.name }))).toEqual(SANDBOX_GOODS.map((g) => ({ id: g.id, name: g.name })));
    expect(catalog.find('스타벅스 아메리카노 T')?.id).toBe('0000133518');
  });

  it('sandbox with an empty COUPON_GOODS also gets the sandbox products', () => {
    expect(loadAppConfig({ ...HTTP, COUPON_GOODS: ' ' }).catalog.entries).toHaveLength(SANDBOX_GOODS.length);
  });

  it('a real environment with COUPON_GOODS unset → empty catalog', () => {
    const { catalog } = loadAppConfig({ ...HTTP, COUFUN_ENV: 'production', COUFUN_POC_ID: 'ACME01' });
    expect(catalog.entries).toEqual([]);
  });

  it('COUPON_GOODS replaces the sandbox products', () => {
    const { catalog } = loadAppConfig({ ...HTTP, COUPON_GOODS: 'G1=Gift One;G2=Gift Two' });
    expect(catalog.entries.map((e) => e.id)).toEqual(['G1', 'G2']);
    expect(catalog.nameOf('0000133518')).toBeUndefined();
  });

  it('each COUPON_GOODS problem is listed, prefixed with the variable', () => {
    const problems = problemsOf({ ...HTTP, COUPON_GOODS: 'G1=One;nonsense;G1=Again;BAD ID=x;G3=' });
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.every((p) => p.startsWith('COUPON_GOODS: '))).toBe(true);
    expect(problems.some((p) => p.includes('no "="'))).toBe(true);
    expect(problems.some((p) => p.includes('repeats the ID "G1"'))).toBe(true);
    expect(problems.some((p) => p.includes('empty name'))).toBe(true);
  });
});

describe('loadAppConfig: defaults and limits', () => {
  it('defaults', () => {
    const c = loadAppConfig(HTTP);
    expect(c.logLevel).toBe('info');
    expect(c.slack).toMatchObject({ apiUrl: undefined, rateLimitPerMinute: 30, shutdownGraceMs: 10_000, degradedAfterFailures: 3 });
    expect(c.coufun).toMatchObject({ env: 'sandbox', url: null, timeoutMs: 5000, cacheTtlMs: 15_000 });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.slack)).toBe(true);
  });

  it('reads the optional settings', () => {
    const c = loadAppConfig({
      ...HTTP,
      LOG_LEVEL: 'debug',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      COUPON_RATE_LIMIT_PER_MINUTE: '5',
      SHUTDOWN_GRACE_MS: '0',
      HEALTH_DEGRADED_AFTER: '10',
    });
    expect(c.logLevel).toBe('debug');
    expect(c.slack).toMatchObject({
      apiUrl: 'http://127.0.0.1:9999/api/',
      rateLimitPerMinute: 5,
      shutdownGraceMs: 0,
      degradedAfterFailures: 10,
    });
  });

  it.each([
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL="verbose" is not one of: debug, info, warn, error.'],
    ['SLACK_API_URL', 'slack', 'SLACK_API_URL="slack" must be an http:// or https:// URL.'],
    ['COUPON_RATE_LIMIT_PER_MINUTE', '0', 'COUPON_RATE_LIMIT_PER_MINUTE="0" must be a whole number from 5 to 10000.'],
    ['COUPON_RATE_LIMIT_PER_MINUTE', '4', 'COUPON_RATE_LIMIT_PER_MINUTE="4" must be a whole number from 5 to 10000.'],
    ['SHUTDOWN_GRACE_MS', '120001', 'SHUTDOWN_GRACE_MS="120001" must be a whole number from 0 to 120000.'],
    ['HEALTH_DEGRADED_AFTER', '0', 'HEALTH_DEGRADED_AFTER="0" must be a whole number from 1 to 1000.'],
  ])('%s=%s is refused', (name, value, problem) => {
    expect(problemsOf({ ...HTTP, [name]: value })).toEqual([problem]);
  });
});

describe('loadAppConfig: every problem at once', () => {
  it('lists Coufun and Slack problems together in one ConfigError that points to docs/configuration.md', () => {
    let error: ConfigError | undefined;
    try {
      loadAppConfig({
        COUFUN_ENV: 'production',
        SLACK_BOT_TOKEN: 'xoxp-1',
        SLACK_APP_TOKEN: 'nope',
        PORT: 'x',
        ALLOWED_CHANNEL_IDS: 'general',
        COUPON_GOODS: 'oops',
        LOG_LEVEL: 'loud',
        COUPON_RATE_LIMIT_PER_MINUTE: 'many',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = error!.problems.join('\n');
    for (const name of [
      'COUFUN_POC_ID',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'ALLOWED_CHANNEL_IDS',
      'COUPON_GOODS',
      'LOG_LEVEL',
      'COUPON_RATE_LIMIT_PER_MINUTE',
    ]) {
      expect(problems, name).toContain(name);
    }
    expect(error!.problems).toHaveLength(8);
    expect(error!.message).toContain('See docs/configuration.md.');
  });

  it('nothing set at all: bot token and signing secret both reported', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('SLACK_BOT_TOKEN');
    expect(problems[1]).toContain('SLACK_SIGNING_SECRET');
  });
});

describe('loadAppConfig: COUPON_COMMAND', () => {
  it('defaults to /coupon, as the manifest ships it', () => {
    expect(loadAppConfig(HTTP).slack.command).toBe('/coupon');
    expect(loadAppConfig({ ...HTTP, COUPON_COMMAND: ' ' }).slack.command).toBe('/coupon');
  });

  it('takes the renamed command as the manifest names it', () => {
    expect(loadAppConfig({ ...HTTP, COUPON_COMMAND: ' /gift-check ' }).slack.command).toBe('/gift-check');
    expect(loadAppConfig({ ...HTTP, COUPON_COMMAND: '/쿠폰' }).slack.command).toBe('/쿠폰');
  });

  it('a name Slack would not accept is a problem saying what is wrong', () => {
    expect(problemsOf({ ...HTTP, COUPON_COMMAND: 'coupon' })).toEqual([
      'COUPON_COMMAND="coupon" must be the slash command as the manifest names it: one that starts with "/" (e.g. "/coupon").',
    ]);
    expect(problemsOf({ ...HTTP, COUPON_COMMAND: '/gift check' })[0]).toContain('has no spaces');
    expect(problemsOf({ ...HTTP, COUPON_COMMAND: '/Coupon' })[0]).toContain('is lower case');
    expect(problemsOf({ ...HTTP, COUPON_COMMAND: `/${'c'.repeat(32)}` })[0]).toContain('2–32 characters');
    expect(problemsOf({ ...HTTP, COUPON_COMMAND: '/' })[0]).toContain('2–32 characters');
  });
});
