/**
 * docs/configuration.md cannot drift from the code. The programs' own readers run on an
 * environment that records every name read (the bot's configuration and its proxy settings,
 * the terminal lookup, the sandbox); with the `process.env.NAME` reads in src/ that is every
 * variable we read, and it must be exactly the documented set. Then each documented row of the
 * bot's tables is loaded: its default set explicitly changes nothing, a range's ends pass and
 * one past them fails with the same range in the message, a list of values is exactly what the
 * parser accepts. A new reader of the environment (a new tool or loader) joins `READERS`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runSandbox } from '../../src/cli/sandbox.js';
import { loadAppConfig } from '../../src/config/app.js';
import { ConfigError, type Env } from '../../src/config/env.js';
import { proxySettings } from '../../src/coufun/dispatcher.js';
import { captureIo } from '../cli/io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');

interface Row {
  readonly section: string;
  readonly names: string[];
  readonly defaultValue: string;
  readonly values: string;
}

/** Every table row whose first cell names variables, with the section it is in. */
function rows(markdown: string): Row[] {
  let section = '';
  const out: Row[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const cells = line.startsWith('| `') ? line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')) : [];
    if (cells.length < 4) continue;
    out.push({
      section,
      names: [...cells[0]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!),
      defaultValue: cells[1]!,
      values: cells[2]!,
    });
  }
  return out;
}

/** An environment that records the names read from it (upper-cased: `https_proxy` is `HTTPS_PROXY`'s form). */
function recording(values: Record<string, string> = {}): { env: Env; read: Set<string> } {
  const read = new Set<string>();
  const env = new Proxy(values, {
    get(target, name) {
      if (typeof name === 'string') read.add(name.toUpperCase());
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  return { env, read };
}

const BASE: Record<string, string> = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: 'signing-secret',
  ALLOWED_CHANNEL_IDS: 'C0ALLOWED',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

/** Each program's way of reading its environment, run on `env` (invalid values end them before any server starts). */
const READERS: ReadonlyArray<(env: Env) => Promise<unknown>> = [
  async (env) => {
    // The bot: its configuration and the proxy settings of its Coufun client.
    try {
      loadAppConfig(env);
    } catch {
      // the reads happened; problems are not this reader's concern
    }
    proxySettings(env);
  },
  (env) => run(['0000999999', '012345678902'], env, captureIo()),
  (env) => run(['--help'], env, captureIo()),
  (env) => runSandbox([], env, captureIo()),
];

/** Names in `process.env.NAME` reads under src/ (the workbench's own settings). */
function processEnvReads(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return processEnvReads(path);
    if (!e.name.endsWith('.ts')) return [];
    return [...readFileSync(join(ROOT, path), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!);
  });
}

/** Read by Node itself, not by our code. */
const READ_BY_NODE = ['NODE_EXTRA_CA_CERTS'];

function problemsOf(env: Env): readonly string[] {
  try {
    loadAppConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

/** The loaded configuration as data (functions dropped, sets as arrays), for comparing two loads. */
function configData(env: Env): string {
  return JSON.stringify(loadAppConfig(env), (_key, v: unknown) => (v instanceof Set ? [...v] : v));
}

const documented = rows(DOC);
const BOT_SECTIONS = ['Slack', 'Coufun', 'Limits and behaviour', 'Shared state (several replicas)', 'Bulk checks'];
const botRows = documented.filter((r) => BOT_SECTIONS.includes(r.section) && r.names.length === 1);

describe('docs/configuration.md against the code', () => {
  it('documents every variable the programs read, and reads every variable it documents', async () => {
    // A proxy set, so NO_PROXY is read too; bad values, so the tools stop before starting anything.
    const { env, read } = recording({ HTTPS_PROXY: 'http://127.0.0.1:9', SANDBOX_PORT: 'not-a-port', COUFUN_TIMEOUT_MS: 'not-a-number' });
    for (const reader of READERS) await reader(env);
    const all = new Set([...read, ...processEnvReads('src'), ...READ_BY_NODE]);
    const names = documented.flatMap((r) => r.names);
    expect(names.length).toBeGreaterThan(25);
    expect(new Set(names).size).toBe(names.length);
    expect([...all].sort()).toEqual([...names].sort());
  });

  it('has every bot section, and each row a default and values', () => {
    expect(new Set(botRows.map((r) => r.section))).toEqual(new Set(BOT_SECTIONS));
    for (const r of documented) expect(r.defaultValue && r.values, r.names.join()).toBeTruthy();
  });

  it.each(botRows.filter((r) => /^`[^`]+`$/.test(r.defaultValue)).map((r) => [r.names[0]!, r.defaultValue.slice(1, -1)]))(
    '%s: the documented default %s, set explicitly, changes nothing',
    (name, value) => {
      expect(configData({ ...BASE, [name]: value })).toBe(configData(BASE));
    },
  );

  const ranges = botRows.flatMap((r) => {
    const m = /^(\d+)–(\d+)$/.exec(r.values);
    return m ? [[r.names[0]!, Number(m[1]), Number(m[2])] as const] : [];
  });

  it('documents ranges for the numeric settings', () => {
    expect(ranges.map(([name]) => name)).toEqual(expect.arrayContaining(['PORT', 'COUFUN_TIMEOUT_MS', 'REDIS_TIMEOUT_MS']));
  });

  it.each(ranges)('%s: %i and %i load, one past either end is refused with the documented range', (name, min, max) => {
    const about = (value: number) => problemsOf({ ...BASE, [name]: String(value) }).filter((p) => p.startsWith(`${name}=`));
    expect(about(min)).toEqual([]);
    expect(about(max)).toEqual([]);
    for (const outside of [min - 1, max + 1]) {
      expect(about(outside), String(outside)).toEqual([`${name}="${outside}" must be a whole number from ${min} to ${max}.`]);
    }
  });

  const lists = botRows.flatMap((r) =>
    /^`[^`]+`(, `[^`]+`)+$/.test(r.values) ? [[r.names[0]!, [...r.values.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)] as const] : [],
  );

  it.each(lists)('%s: exactly the documented values are accepted', (name, values) => {
    for (const value of values) {
      expect(
        problemsOf({ ...BASE, [name]: value }).filter((p) => p.startsWith(`${name}=`)),
        value,
      ).toEqual([]);
    }
    const refusal = problemsOf({ ...BASE, [name]: 'no-such-value' }).find((p) => p.startsWith(`${name}=`));
    const accepted = /is not one of: (.*)\.$/.exec(refusal ?? '')?.[1]?.split(', ');
    expect(accepted?.sort()).toEqual([...values].sort());
  });

  it.each([
    ['SANDBOX_PORT', 0, 65_535],
    ['SANDBOX_DELAY_MS', 0, 60_000],
  ])('%s: the sandbox refuses one past its documented range, naming it', async (name, min, max) => {
    const row = documented.find((r) => r.names[0] === name)!;
    expect(row.values).toBe(`${min}–${max}`);
    for (const outside of [min - 1, max + 1]) {
      const io = captureIo();
      expect(await runSandbox([], { [name]: String(outside) }, io)).toEqual({ code: 2 });
      expect(io.err()).toContain(`must be a whole number from ${min} to ${max}`);
    }
  });
});
