/**
 * The README is a front door: short enough to read in five minutes, every link in it (and in
 * docs/) leads somewhere that exists, down to the heading, every `npm run` names a script, and
 * its table of Slack scopes is the manifest's. Its terminal examples run in
 * test/cli/readme.e2e.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const README = read('README.md');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((p) => p.endsWith('.md'));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown page offers (repeated headings get -1, -2, … as on GitHub). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Link targets of a page: `[text](target)`, images too, and `<https://…>` autolinks; code left out. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [
    ...[...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1]!),
  ];
}

/** Why `target`, linked from `page`, does not resolve; null when it does. */
function broken(page: string, target: string): string | null {
  if (/^https?:/.test(target)) {
    const url = new URL(target);
    return url.protocol === 'https:' || url.hostname === '127.0.0.1' ? null : 'not https';
  }
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const file = path === '' ? page : normalize(join(dirname(page), path)).replace(/\\/g, '/');
  if (!existsSync(join(ROOT, file))) return `${file} does not exist`;
  if (anchor === undefined) return null;
  if (!file.endsWith('.md')) return `${file} has no headings`;
  return anchors(read(file)).has(anchor) ? null : `${file} has no heading #${anchor}`;
}

describe('README.md', () => {
  it('reads in five minutes: at most 250 lines', () => {
    expect(README.trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('links every page in docs/', () => {
    const linked = new Set(
      links(README)
        .filter((l) => l.startsWith('docs/'))
        .map((l) => l.split('#')[0]),
    );
    expect(PAGES.filter((p) => p.startsWith('docs/') && !linked.has(p))).toEqual([]);
  });

  it.each(PAGES)('every link in %s resolves, down to the heading', (page) => {
    const found = links(read(page));
    if (page === 'README.md') expect(found.length).toBeGreaterThan(10);
    expect(found.map((l) => [l, broken(page, l)]).filter(([, why]) => why !== null)).toEqual([]);
  });

  it('the anchor rule is GitHub’s', () => {
    expect(slug('Setting up the Slack app')).toBe('setting-up-the-slack-app');
    expect(slug('Mentions: `@coupon-bot` in a thread')).toBe('mentions-coupon-bot-in-a-thread');
    expect(slug('The **쿠폰 조회** message shortcut')).toBe('the-쿠폰-조회-message-shortcut');
    expect(broken('README.md', 'docs/configuration.md#no-such-heading')).toBe('docs/configuration.md has no heading #no-such-heading');
    expect(broken('docs/usage.md', '../README.md#quick-start')).toBeNull();
  });

  it('every `npm run` in the README and docs names a script', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const used = PAGES.flatMap((p) => [...read(p).matchAll(/npm run (?:-s )?([a-z][\w:-]*)/g)].map((m) => m[1]!));
    expect(used).toEqual(expect.arrayContaining(['workbench', 'lookup', 'bench']));
    expect([...new Set(used)].filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it("explains exactly the manifest's scopes", () => {
    const manifest = read('manifest.yml');
    const scopes = [...manifest.slice(manifest.indexOf('scopes:'), manifest.indexOf('settings:')).matchAll(/^\s+- ([\w:.]+)$/gm)].map(
      (m) => m[1]!,
    );
    const table = [...README.matchAll(/^\| `([\w:.]+)` \| .+ \|$/gm)].map((m) => m[1]!);
    expect(scopes.length).toBeGreaterThan(3);
    expect(table).toEqual(scopes);
  });

  it('states the Node version package.json requires, and when its test figures were measured', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.18');
    expect(README).toContain('Node.js 20.18 or later');
    expect(README).toMatch(/^Measured on \d{4}-\d{2}-\d{2}: [\d,]+ tests in \d+ s \(`npm test`/m);
  });
});
