/** REDIS_* settings: defaults, validation listing every problem, and a URL never quoted back. */
import { describe, expect, it } from 'vitest';
import { configProblems } from '../../support/config-problems.js';
import { loadAppConfig } from '../../../src/config/app.js';
import type { Env } from '../../../src/config/env.js';
import { createKeyHasher, deriveSharedSecret } from '../../../src/stores/keys.js';

const HTTP: Env = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdef', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };

const problemsOf = (env: Env): readonly string[] => configProblems(loadAppConfig, env);

describe('REDIS_* configuration', () => {
  it('memory mode without REDIS_URL', () => {
    expect(loadAppConfig(HTTP).redis).toBeNull();
    expect(loadAppConfig({ ...HTTP, REDIS_URL: '  ' }).redis).toBeNull();
  });

  it('REDIS_URL selects Redis with the default prefix and timeout', () => {
    expect(loadAppConfig({ ...HTTP, REDIS_URL: 'redis://redis.internal:6379/2' }).redis).toEqual({
      url: 'redis://redis.internal:6379/2',
      prefix: 'coupon-bot:',
      keySecret: undefined,
      timeoutMs: 250,
    });
    const tls = loadAppConfig({
      ...HTTP,
      REDIS_URL: 'rediss://:pw@redis.internal:6380',
      REDIS_PREFIX: 'cs-bot:',
      REDIS_TIMEOUT_MS: '100',
      REDIS_KEY_SECRET: 'a-long-shared-secret-value',
    }).redis;
    expect(tls).toMatchObject({ prefix: 'cs-bot:', timeoutMs: 100, keySecret: 'a-long-shared-secret-value' });
  });

  it('lists every problem at once, without quoting a URL that may carry a password', () => {
    const problems = problemsOf({
      ...HTTP,
      REDIS_URL: 'http://user:hunter2@redis:6379',
      REDIS_PREFIX: 'has space',
      REDIS_KEY_SECRET: 'short',
      REDIS_TIMEOUT_MS: '5',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.some((p) => p.startsWith('REDIS_URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_PREFIX'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_KEY_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_TIMEOUT_MS'))).toBe(true);
    expect(problemsOf({ ...HTTP, REDIS_URL: 'not a url' })).toHaveLength(1);
  });
});

describe('the shared secret', () => {
  it('is the same on every replica of one deployment, and differs by source', () => {
    const a = deriveSharedSecret({ keySecret: undefined, botToken: 'xoxb-1' });
    expect(deriveSharedSecret({ keySecret: undefined, botToken: 'xoxb-1' }).equals(a)).toBe(true);
    expect(deriveSharedSecret({ keySecret: undefined, botToken: 'xoxb-2' }).equals(a)).toBe(false);
    const k = deriveSharedSecret({ keySecret: 'a-long-shared-secret-value', botToken: 'xoxb-1' });
    expect(k.equals(a)).toBe(false);
    expect(deriveSharedSecret({ keySecret: 'a-long-shared-secret-value', botToken: 'xoxb-other' }).equals(k)).toBe(true);
    // Neither the token nor the key secret is the secret itself.
    expect(a.toString('utf8')).not.toContain('xoxb-1');
    expect(createKeyHasher(a)('0000999999', '012345678902')).toBe(
      createKeyHasher(deriveSharedSecret({ keySecret: undefined, botToken: 'xoxb-1' }))('0000999999', '012345678902'),
    );
  });
});
