/**
 * Imports point down only (issue 9), checked by folder (issue 15). Every folder under src/ (a
 * room) belongs to one layer below; a file may import from its own layer or a lower one, never a
 * higher one. docs/architecture.md explains the same order. Static `import`/`export … from` and
 * dynamic `import()` count, `import type` too: a type that points up still ties the lower room
 * to the higher one.
 *
 * To add a room, give its folder a layer here (a file in no listed folder fails the test); to
 * need an upward import is a sign the code belongs elsewhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Bottom to top, folders only. A folder stands for itself and its subfolders unless one of them
 * is listed too (the most specific wins); `src` alone means the files directly in it.
 */
const LAYERS: ReadonlyArray<{ readonly name: string; readonly folders: readonly string[] }> = [
  { name: 'time', folders: ['src/time'] },
  { name: 'http (request bodies)', folders: ['src/http'] },
  { name: 'coufun (protocol, client, sandbox)', folders: ['src/coufun'] },
  { name: 'plain text (masks, typed text)', folders: ['src/text'] },
  { name: 'logs', folders: ['src/log'] },
  { name: 'configuration', folders: ['src/config'] },
  { name: 'input', folders: ['src/input'] },
  { name: 'stores', folders: ['src/stores'] },
  { name: 'lookup', folders: ['src/lookup'] },
  { name: 'display', folders: ['src/display'] },
  { name: 'bulk (lists, jobs, results)', folders: ['src/bulk'] },
  { name: 'runtime', folders: ['src/runtime'] },
  { name: 'slack entry points (registry)', folders: ['src/slack/entry-points'] },
  { name: 'metrics', folders: ['src/metrics'] },
  { name: 'slack render', folders: ['src/slack/render'] },
  { name: 'slack input', folders: ['src/slack/input'] },
  { name: 'slack locale', folders: ['src/slack/locale'] },
  { name: 'slack delivery', folders: ['src/slack/delivery'] },
  { name: 'slack deps', folders: ['src/slack/deps'] },
  { name: 'slack lookup flow', folders: ['src/slack/lookup'] },
  { name: 'slack middleware', folders: ['src/slack/middleware'] },
  { name: 'slack listeners', folders: ['src/slack/listeners'] },
  { name: 'slack app', folders: ['src/slack'] },
  { name: 'composition and server', folders: ['src'] },
  { name: 'programs', folders: ['src/cli', 'src/workbench'] },
];

/**
 * Upward imports other branches are removing right now. Tolerated, not required: once an entry
 * is gone from the code, delete it here.
 */
const KNOWN_LEAKS: ReadonlyArray<readonly [from: string, to: string]> = [];

/** Whether `folder` (a LAYERS entry) contains `file`. */
function holds(folder: string, file: string): boolean {
  const dir = dirname(file);
  return folder === 'src' ? dir === 'src' : dir === folder || dir.startsWith(`${folder}/`);
}

function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const folder of layer.folders) {
      if (holds(folder, file) && folder.length > bestLength) {
        best = index;
        bestLength = folder.length;
      }
    }
  });
  return best;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The repository-relative files `file` imports from this repository (packages and `node:` left out). */
function localImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec === undefined || !spec.startsWith('.')) continue;
    found.push(
      normalize(join(dirname(file), spec))
        .replace(/\\/g, '/')
        .replace(/\.js$/, '.ts'),
    );
  }
  return found;
}

interface Edge {
  readonly from: string;
  readonly to: string;
}

/** `export { a } from './x.js'`, `export type { B } from …`, `export * from …`: the module named. */
const REEXPORT = /^export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/gm;

/** A wait or deadline made by hand instead of with src/time/. */
const HAND_MADE = /Promise\.race\([^;]*?setTimeout\(|node:timers\/promises|new Promise[^;]{0,160}?setTimeout\(|AbortSignal\.timeout\(/;

const files = sourceFiles('src');
const edges: Edge[] = files.flatMap((from) => localImports(from, readFileSync(join(ROOT, from), 'utf8')).map((to) => ({ from, to })));

describe('architecture: imports point down only', () => {
  it('the import reader sees every kind of import', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c/index.js';",
      "const d = await import('../../d.js');",
      "import './side-effect.js';",
      "import { e } from 'undici';",
      "import { f } from 'node:fs';",
    ].join('\n');
    expect(localImports('src/x/y.ts', text)).toEqual(['src/x/a.ts', 'src/b.ts', 'src/x/c/index.ts', 'd.ts', 'src/x/side-effect.ts']);
  });

  it('the re-export and hand-made-wait readers see what they are for', () => {
    const reexports = "export { a, type B } from './a.js';\nexport * from '../b.js';\nexport const c = 1;\nimport { d } from './d.js';";
    expect([...reexports.matchAll(REEXPORT)].map((m) => m[1])).toEqual(['./a.js', '../b.js']);
    for (const waits of [
      'await Promise.race([op, new Promise((r) => { timer = setTimeout(r, ms); })]);',
      "import { setTimeout as sleep } from 'node:timers/promises';",
      'new Promise((r) => setTimeout(r, ms));',
      'const signal = AbortSignal.timeout(ms);',
    ])
      expect(HAND_MADE.test(waits)).toBe(true);
    expect(HAND_MADE.test('await withDeadline(op, ms); await sleep(5);')).toBe(false);
    // Racing two events (a job's end, a second Ctrl-C) is no wait.
    expect(HAND_MADE.test('const end = await Promise.race([job.finished, hard]);')).toBe(false);
  });

  it('every file under src/ has a layer, and every layer is a folder that exists', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
    const folders = LAYERS.flatMap((l) => l.folders);
    expect(folders.filter((f) => !existsSync(join(ROOT, f)) || !statSync(join(ROOT, f)).isDirectory())).toEqual([]);
    expect(new Set(folders).size).toBe(folders.length);
  });

  it('layers are folders: a file never decides its own layer', () => {
    // The file lists of the first pass (issue 9) are gone: every entry names a directory.
    expect(LAYERS.flatMap((l) => l.folders).filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(layerOf('src/slack/app.ts')).toBeGreaterThan(layerOf('src/slack/listeners/index.ts'));
    expect(layerOf('src/bot.ts')).toBeLessThan(layerOf('src/cli/run.ts'));
    expect(layerOf('src/coufun/sandbox/server.ts')).toBe(layerOf('src/coufun/types.ts'));
  });

  it('the rule catches an upward import (coufun importing config, as the sandbox once did)', () => {
    expect(layerOf('src/coufun/sandbox/server.ts')).toBeLessThan(layerOf('src/config/coufun.ts'));
    expect(layerOf('src/display/labels.ts')).toBeGreaterThan(layerOf('src/lookup/types.ts'));
    expect(layerOf('src/display/format.ts')).toBeLessThan(layerOf('src/slack/render/card.ts'));
    expect(layerOf('src/slack/render/card.ts')).toBeLessThan(layerOf('src/slack/listeners/index.ts'));
  });

  it('no file imports from a higher layer', () => {
    const known = new Set(KNOWN_LEAKS.map(([from, to]) => `${from} → ${to}`));
    const upward = edges
      .filter((e) => e.to.startsWith('src/') && layerOf(e.to) > layerOf(e.from))
      .filter((e) => !known.has(`${e.from} → ${e.to}`))
      .map((e) => `${e.from} (${LAYERS[layerOf(e.from)]?.name}) → ${e.to} (${LAYERS[layerOf(e.to)]?.name})`);
    expect(upward).toEqual([]);
  });

  it('every tolerated leak still exists (a fixed one is deleted from KNOWN_LEAKS)', () => {
    const present = new Set(edges.map((e) => `${e.from} → ${e.to}`));
    expect(KNOWN_LEAKS.map(([from, to]) => `${from} → ${to}`).filter((leak) => !present.has(leak))).toEqual([]);
  });

  it('coufun imports nothing of ours but time and the request-body reader', () => {
    const own = ['src/coufun/', 'src/time/', 'src/http/'];
    const outside = edges.filter((e) => e.from.startsWith('src/coufun/') && !own.some((room) => e.to.startsWith(room)));
    expect(outside).toEqual([]);
  });

  it('every docs/… file a comment in src/ or test/ points at is in the repository', () => {
    const mentioned = [...files, ...sourceFiles('test')].flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bdocs\/[\w./-]*\w/g)].map((m) => ({ file, doc: m[0] })),
    );
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter(({ doc }) => !existsSync(join(ROOT, doc)))).toEqual([]);
  });

  it('every src/… or test/… file named in src/, test/, README.md or docs/ is in the repository', () => {
    // This file names made-up paths to test the rule itself.
    const docs = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    const readers = [...files, ...sourceFiles('test'), ...docs].filter((file) => file !== 'test/architecture.test.ts');
    const mentioned = readers.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?<![\w./-])(?:src|test)\/[\w./-]*\.ts\b/g)].map((m) => ({ file, path: m[0] })),
    );
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter(({ path }) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('docs/architecture.md lists the layers exactly as this test enforces them, in order', () => {
    const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const table = page.slice(page.indexOf('## Rooms, by layer'), page.indexOf('## Entry points'));
    const rooms = [...table.matchAll(/^\| [^|]+ \| ([^|]+) \|/gm)]
      .map((m) => m[1] ?? '')
      .filter((cell) => cell.includes('`src'))
      .flatMap((cell) => [...cell.matchAll(/`(src[\w/-]*)`/g)].map((r) => (r[1] ?? '').replace(/\/$/, '')));
    expect(rooms).toEqual(LAYERS.flatMap((l) => l.folders));
  });

  it('docs/architecture.md names the five ordinary changes, and every path it names exists', () => {
    const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const changes = page.slice(page.indexOf('## Where a change goes'), page.indexOf('## Tests'));
    const titles = [...changes.matchAll(/^\d\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    expect(titles).toEqual([
      'A card field',
      'A result code with its hint',
      'A new entry point',
      'A new shared-state backend',
      'A new metric',
    ]);
    const paths = [...page.matchAll(/`((?:src|test|docs)\/[\w./-]*|manifest\.yml)`/g)].map((m) => m[1] ?? '');
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('one i18n mechanism: words are picked with translate(), never a locale ternary', () => {
    // The workbench stands in for Slack itself (which person is signed in), not for the bot's words.
    const ternaries = files
      .filter((file) => !file.startsWith('src/workbench/'))
      .flatMap((file) =>
        /\blocale\s*===?\s*'(?:en|ko)'|'(?:en|ko)'\s*===?\s*\w*locale\b/i.test(readFileSync(join(ROOT, file), 'utf8')) ? [file] : [],
      );
    expect(ternaries).toEqual([]);
  });

  it('no pass-through re-exports: `export … from` only in a room’s index.ts, and only from that room', () => {
    const reexports = files.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(REEXPORT)]
        .map((m) => ({ file, spec: m[1] ?? '' }))
        .filter(({ file, spec }) => !(file.endsWith('/index.ts') && spec.startsWith('./') && !spec.slice(2).includes('/'))),
    );
    expect(reexports).toEqual([]);
  });

  it('waits and deadlines come from src/time/ (withDeadline, deadlineSignal, sleep), not hand-made races', () => {
    const found = files
      // The workbench's page script is browser code in a string, not the bot's.
      .filter((file) => !file.startsWith('src/time/') && file !== 'src/workbench/page-js.ts')
      .filter((file) => HAND_MADE.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('src/ never imports from test/, and every import resolves to a file', () => {
    expect(edges.filter((e) => !e.to.startsWith('src/'))).toEqual([]);
    const known = new Set(files);
    expect(edges.filter((e) => !known.has(e.to))).toEqual([]);
  });
});
