import { describe, expect, it } from 'vitest';
import { configProblems } from './support/config-problems.js';
import { ConfigError, EnvReader, type Env } from '../src/config/env.js';
import { COUFUN_URLS, SANDBOX_POC_ID } from '../src/coufun/environments.js';
import { loadCoufunConfig, readCoufunConfig } from '../src/config/coufun.js';
import { validateField } from '../src/coufun/validate.js';

const problemsOf = (env: Env): readonly string[] => configProblems(loadCoufunConfig, env);

describe('loadCoufunConfig: environments', () => {
  it('defaults to the built-in sandbox with its POC_ID, no URL yet, and default limits', () => {
    const c = loadCoufunConfig({});
    expect(c).toEqual({ env: 'sandbox', pocId: SANDBOX_POC_ID, url: null, timeoutMs: 5000, cacheTtlMs: 15_000 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each(['test', 'production'] as const)('%s uses the vendor URL from the manual (port 446)', (env) => {
    const c = loadCoufunConfig({ COUFUN_ENV: env, COUFUN_POC_ID: 'ACME01' });
    expect(c.env).toBe(env);
    expect(c.pocId).toBe('ACME01');
    expect(c.url).toBe(COUFUN_URLS[env]);
    expect(new URL(c.url!).port).toBe('446');
  });

  it('test and production hosts differ', () => {
    expect(new URL(COUFUN_URLS.test).host).toBe('tcorp.coufun.kr:446');
    expect(new URL(COUFUN_URLS.production).host).toBe('corp.coufun.kr:446');
  });

  it.each(['test', 'production'])('%s without COUFUN_POC_ID is refused, naming the variable and the environment', (env) => {
    const problems = problemsOf({ COUFUN_ENV: env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('COUFUN_POC_ID');
    expect(problems[0]).toContain(`COUFUN_ENV=${env}`);
  });

  it('an empty or blank COUFUN_POC_ID counts as unset', () => {
    expect(problemsOf({ COUFUN_ENV: 'production', COUFUN_POC_ID: '' })[0]).toContain('required');
    expect(problemsOf({ COUFUN_ENV: 'production', COUFUN_POC_ID: '   ' })[0]).toContain('required');
  });

  it('an empty COUFUN_ENV counts as unset (sandbox)', () => {
    expect(loadCoufunConfig({ COUFUN_ENV: '' }).env).toBe('sandbox');
  });

  it('an unknown COUFUN_ENV is a problem listing the allowed values', () => {
    const problems = problemsOf({ COUFUN_ENV: 'prod' });
    expect(problems[0]).toContain('COUFUN_ENV="prod"');
    expect(problems[0]).toContain('sandbox, test, production');
  });

  it('values are trimmed', () => {
    const c = loadCoufunConfig({ COUFUN_ENV: ' test ', COUFUN_POC_ID: ' ACME01 ', COUFUN_TIMEOUT_MS: ' 2500 ' });
    expect(c).toMatchObject({ env: 'test', pocId: 'ACME01', timeoutMs: 2500 });
  });
});

describe('loadCoufunConfig: values', () => {
  it('COUFUN_URL overrides the endpoint (normalised), in any environment', () => {
    expect(loadCoufunConfig({ COUFUN_URL: 'http://127.0.0.1:8080' }).url).toBe('http://127.0.0.1:8080/');
    expect(loadCoufunConfig({ COUFUN_ENV: 'test', COUFUN_POC_ID: 'A', COUFUN_URL: 'https://127.0.0.1:9/x' }).url).toBe(
      'https://127.0.0.1:9/x',
    );
  });

  it.each(['ftp://127.0.0.1/x', 'not a url', '127.0.0.1:8080'])('COUFUN_URL=%s is refused', (url) => {
    const problems = problemsOf({ COUFUN_URL: url });
    expect(problems).toEqual([`COUFUN_URL="${url}" must be an http:// or https:// URL.`]);
  });

  it.each(['ABCDEFGHIJK', 'ACME 01', '회사', 'a/b'])('COUFUN_POC_ID=%s breaks the vendor rules', (poc) => {
    expect(problemsOf({ COUFUN_POC_ID: poc })[0]).toContain('COUFUN_POC_ID must be 1–10');
  });

  it.each(['A', 'AB-CD_1234', 'ABCDEFGHIJK', 'ACME 01', '회사', 'a/b', 'é', '😀', 'a.b', 'x\u0000'])(
    'COUFUN_POC_ID=%j is accepted exactly when a request may carry it',
    (poc) => {
      const accepted = !problemsOf({ COUFUN_POC_ID: poc, COUFUN_TIMEOUT_MS: 'x' }).some((p) => p.startsWith('COUFUN_POC_ID'));
      expect(accepted).toBe(validateField('POC_ID', poc) === null);
    },
  );

  it('a 10-character POC_ID with "-" and "_" is fine', () => {
    expect(loadCoufunConfig({ COUFUN_POC_ID: 'AB-CD_1234' }).pocId).toBe('AB-CD_1234');
  });

  it.each([
    ['COUFUN_TIMEOUT_MS', '99'],
    ['COUFUN_TIMEOUT_MS', '60001'],
    ['COUFUN_TIMEOUT_MS', '5s'],
    ['COUFUN_TIMEOUT_MS', '-1'],
    ['COUFUN_TIMEOUT_MS', '1e3'],
    ['COUFUN_CACHE_TTL_MS', '3600001'],
    ['COUFUN_CACHE_TTL_MS', '1.5'],
  ])('%s=%s is out of range or not a whole number', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}="${value.replace('.', '\\.')}" must be a whole number from \\d+ to \\d+\\.$`));
  });

  it('range ends are accepted; a zero cache TTL turns the cache off', () => {
    expect(loadCoufunConfig({ COUFUN_TIMEOUT_MS: '100', COUFUN_CACHE_TTL_MS: '0' })).toMatchObject({ timeoutMs: 100, cacheTtlMs: 0 });
    expect(loadCoufunConfig({ COUFUN_TIMEOUT_MS: '60000', COUFUN_CACHE_TTL_MS: '3600000' })).toMatchObject({
      timeoutMs: 60_000,
      cacheTtlMs: 3_600_000,
    });
  });
});

describe('ConfigError', () => {
  it('lists every problem at once and points to docs/configuration.md', () => {
    let error: ConfigError | undefined;
    try {
      loadCoufunConfig({ COUFUN_ENV: 'production', COUFUN_URL: 'ftp://x', COUFUN_TIMEOUT_MS: 'soon', COUFUN_CACHE_TTL_MS: '-5' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.code).toBe('CONFIG');
    expect(error!.name).toBe('ConfigError');
    expect(error!.problems).toHaveLength(4);
    for (const p of error!.problems) expect(error!.message).toContain(`  - ${p}`);
    expect(error!.message).toMatch(/\nSee docs\/configuration\.md\.$/);
  });
});

describe('readCoufunConfig with a shared EnvReader', () => {
  it('adds its problems to the reader without throwing, so a caller can list more', () => {
    const r = new EnvReader({ COUFUN_ENV: 'test' });
    const c = readCoufunConfig(r);
    expect(c.env).toBe('test');
    expect(r.problems).toHaveLength(1);
    r.problems.push('another');
    expect(() => r.check()).toThrow(ConfigError);
  });

  it('EnvReader.check does nothing when all is well', () => {
    const r = new EnvReader({});
    readCoufunConfig(r);
    expect(() => r.check()).not.toThrow();
  });
});
