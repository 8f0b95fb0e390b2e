/**
 * .env.example is loaded with the README's command (`set -a; . ./.env; set +a`). Source it with
 * a real bash and hand the result to the config parser: it must load, and every value must be
 * what the file says (an unquoted `;` or space would silently cut a value short).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAppConfig } from '../src/config/app.js';

const file = fileURLToPath(new URL('../.env.example', import.meta.url));
const text = readFileSync(file, 'utf8');
const assignments = text.split('\n').filter((l) => /^[A-Z_]+=/.test(l));
const names = assignments.map((l) => l.slice(0, l.indexOf('=')));

/** The variables exactly as bash sees them after `set -a; . ./.env.example; set +a`. */
function sourced(): Record<string, string> {
  const script = `set -euo pipefail; set -a; . "$1"; set +a; for n in ${names.join(' ')}; do printf '%s\\0%s\\0' "$n" "\${!n-}"; done`;
  const out = execFileSync('bash', ['-c', script, 'bash', file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const parts = out.split('\0');
  const env: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) env[parts[i]!] = parts[i + 1]!;
  return env;
}

describe('.env.example', () => {
  const env = sourced();

  it('sources cleanly with bash and keeps every value whole (quoted values)', () => {
    expect(Object.keys(env).sort()).toEqual([...names].sort());
    expect(env.COUPON_GOODS).toBe('0000133518=스타벅스 아메리카노 T;0000999999=배민 상품권 1만원');
    for (const line of assignments) expect(line, line).toMatch(/^[A-Z_]+='[^']*'$/);
  });

  it('is what the config parser expects: with the two tokens filled in, it loads', () => {
    const config = loadAppConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(config.catalog.entries.map((e) => [e.id, e.name])).toEqual([
      ['0000133518', '스타벅스 아메리카노 T'],
      ['0000999999', '배민 상품권 1만원'],
    ]);
    expect(config.coufun).toMatchObject({ env: 'sandbox', timeoutMs: 5000, cacheTtlMs: 15000 });
    expect(config.slack).toMatchObject({ mode: 'socket', rateLimitPerMinute: 30, shutdownGraceMs: 10000, degradedAfterFailures: 3 });
    // Socket Mode: PORT is not preset, so nothing listens.
    expect(config.slack.port).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('lists every variable of the bot in docs/configuration.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../docs/configuration.md', import.meta.url)), 'utf8');
    const bot = doc.slice(0, doc.indexOf('\n## The tools'));
    const documented = [...bot.matchAll(/^\| `([A-Z][A-Z_]+)` \|/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(20);
    expect([...documented].sort()).toEqual([...names].sort());
  });

  it('lists the proxy variables, HTTP_PROXY included', () => {
    for (const n of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'NODE_EXTRA_CA_CERTS']) expect(names).toContain(n);
  });

  it('states a limit or the allowed values for every numeric or enumerated variable', () => {
    const comment = (name: string): string => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      const above: string[] = [];
      for (let i = at - 1; i >= 0 && lines[i]!.startsWith('#'); i -= 1) above.unshift(lines[i]!);
      return above.join('\n');
    };
    const limits: Readonly<Record<string, RegExp>> = {
      PORT: /0–65535/,
      COUFUN_TIMEOUT_MS: /100 to 60000/,
      COUFUN_CACHE_TTL_MS: /0 \(off\) to 3600000/,
      COUPON_RATE_LIMIT_PER_MINUTE: /from 5 .* to 10000/s,
      SHUTDOWN_GRACE_MS: /0 to 120000/,
      HEALTH_DEGRADED_AFTER: /1 to 1000/,
      COUFUN_POC_ID: /1–10 ASCII/,
      COUFUN_ENV: /sandbox .*\| test .*\| production/,
      LOG_LEVEL: /debug \| info \| warn \| error/,
      COUPON_GOODS: /1–100 characters/,
      COUPON_COMMAND: /2–32 characters/,
      REDIS_PREFIX: /1–64 visible ASCII/,
      REDIS_TIMEOUT_MS: /20–5000/,
    };
    for (const [name, limit] of Object.entries(limits)) expect(comment(name), name).toMatch(limit);
  });
});
