/**
 * The journal beside a bulk run's output (`<out>.journal`): one JSON line naming the list (its
 * fingerprint), then one line per item result as it arrives, so a stopped run loses nothing and
 * `--resume` asks Coufun only for what is missing. Results carry no coupon or phone number
 * (see src/bulk/results/stored.ts). A line cut short by a crash is ignored.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isItemResult, type ItemResult } from '../../bulk/results/stored.js';

const VERSION = 1;

interface Header {
  readonly v: number;
  readonly fingerprint: string;
  readonly items: number;
}

export type JournalRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'other_list' }
  | { readonly kind: 'ok'; readonly done: ReadonlyMap<number, ItemResult> };

/** What a journal holds for the list with `fingerprint` and `items` distinct items. */
export function readJournal(path: string, fingerprint: string, items: number): JournalRead {
  if (!existsSync(path)) return { kind: 'missing' };
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = parse(lines[0] ?? '') as Partial<Header> | undefined;
  if (header?.v !== VERSION || header.fingerprint !== fingerprint || header.items !== items) return { kind: 'other_list' };
  const done = new Map<number, ItemResult>();
  for (const line of lines.slice(1)) {
    const entry = parse(line) as { i?: unknown; r?: unknown } | undefined;
    if (typeof entry?.i === 'number' && Number.isInteger(entry.i) && entry.i >= 0 && entry.i < items && isItemResult(entry.r)) {
      done.set(entry.i, entry.r);
    }
  }
  return { kind: 'ok', done };
}

/** Appends results to a journal; `start` writes the header unless the journal continues. */
export class JournalWriter {
  private fd: number | null;

  constructor(
    readonly path: string,
    header: { fingerprint: string; items: number },
    continuing: boolean,
  ) {
    this.fd = openSync(path, continuing ? 'a' : 'w');
    if (!continuing) writeSync(this.fd, `${JSON.stringify({ v: VERSION, ...header })}\n`);
  }

  /** One result, written at once (a synchronous append: a crash right after keeps it). */
  add(index: number, result: ItemResult): void {
    if (this.fd !== null) writeSync(this.fd, `${JSON.stringify({ i: index, r: result })}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The run is complete: the journal has nothing left to resume. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

function parse(line: string): unknown {
  try {
    return line.trim() === '' ? undefined : (JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}
