/**
 * The long-input row of `npm run bench`: the worst time one request spends in the parsers, at
 * Slack's 40,000-character limit, for `/coupon` text and for a message shortcut's complaint
 * (messageText → extract), over input shapes that used to cost seconds. Measured in the
 * harness process before the bots start; wall time per parse, because that is how long the
 * event loop is held.
 */
import { parseCatalog } from '../../src/config/catalog.js';
import { SANDBOX_GOODS } from '../../src/coufun/environments.js';
import { parseCouponCommand } from '../../src/input/command-text.js';
import { extract } from '../../src/slack/input/extract.js';
import { messageText } from '../../src/slack/input/message-text.js';

export interface LongInputRow {
  readonly parser: 'command' | 'shortcut';
  readonly shape: string;
  readonly chars: number;
  readonly runs: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** CPU time of the slowest parse: what the parse cost, without time the OS gave to other processes. */
  readonly cpuMaxMs: number;
}

export const LONG_INPUT_CHARS = 40_000;

const SHAPES: readonly (readonly [string, string])[] = [
  [
    'complaint with every kind of number',
    '고객님 쿠폰 0123-4567-8901 이 안 됩니다. 010-1234-5678, 주문번호 20240115-0001234, 3,000원, 배민 상품권 1만원. ',
  ],
  ['digit groups', '1234 '],
  ['one hyphen run', '1234-'],
  ['dotted words, no @', 'a.'],
  ['Korean prose', '고객님께서 사용이 안 된다고 하십니다 '],
  ['product names', '배민 상품권 1만원 스타벅스 아메리카노 T '],
  ['labels before long gaps', `쿠폰${' '.repeat(20)}x${' '.repeat(10)}01012345678 `],
];

function fill(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

function timeRuns(parse: () => unknown, runs: number): { p50Ms: number; maxMs: number; cpuMaxMs: number } {
  parse(); // warm-up: the JIT's first compile is not what a busy bot pays
  const times: number[] = [];
  let cpuMaxMs = 0;
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    parse();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMaxMs = Math.max(cpuMaxMs, (used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, cpuMaxMs };
}

/** Time every shape through both parsers at `chars` characters. */
export function measureLongInput(chars = LONG_INPUT_CHARS, runs = 20): LongInputRow[] {
  const { catalog } = parseCatalog(SANDBOX_GOODS.map((g) => `${g.id}=${g.name}`).join(';'));
  const rows: LongInputRow[] = [];
  for (const [shape, unit] of SHAPES) {
    const text = fill(unit, chars);
    // The command's goods come first, so the whole text is read as barcodes.
    const command = `${SANDBOX_GOODS[1]!.name} ${text}`;
    rows.push({ parser: 'command', shape, chars, runs, ...timeRuns(() => parseCouponCommand(command, catalog), runs) });
    const message = { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
    rows.push({ parser: 'shortcut', shape, chars, runs, ...timeRuns(() => extract(messageText(message), catalog), runs) });
  }
  return rows;
}

/** The printed table, the slowest request named below it. */
export function renderLongInput(rows: readonly LongInputRow[]): string {
  const worst = rows.reduce((a, b) => (b.maxMs > a.maxMs ? b : a), rows[0]!);
  const costliest = rows.reduce((a, b) => (b.cpuMaxMs > a.cpuMaxMs ? b : a), rows[0]!);
  const head = ['parser', 'input shape', 'chars', 'runs', 'p50 ms', 'max ms', 'cpu max ms'];
  const body = rows.map((r) => [
    r.parser,
    r.shape,
    String(r.chars),
    String(r.runs),
    r.p50Ms.toFixed(2),
    r.maxMs.toFixed(2),
    r.cpuMaxMs.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `Long input: one request's parse time at ${worst.chars.toLocaleString('en-US')} characters (wall time, the event loop is held for it)`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    `worst case: ${worst.maxMs.toFixed(2)} ms wall (${worst.parser}, ${worst.shape}); ${costliest.cpuMaxMs.toFixed(2)} ms CPU (${costliest.parser}, ${costliest.shape})`,
  ].join('\n');
}
