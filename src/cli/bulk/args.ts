/**
 * `npm run lookup -- --file <list> [--goods G] [--out result.csv|.xlsx] …`: the bulk options,
 * read by `node:util` `parseArgs`, checked against the same bounds as the environment. Pure.
 */
import { parseArgs } from 'node:util';
import { BULK_LIMITS } from '../../config/bulk.js';
import type { Locale } from '../../display/index.js';

/** Exit codes of a bulk run, documented in `--help`. */
export const BULK_EXIT = {
  /** Every row looked up and answered by Coufun. */
  ok: 0,
  /** Some rows ended in vendor or transport errors, or were refused by the reader (the result lists every row). */
  errors: 1,
  /** Bad input: the file or the options (nothing sent). */
  usage: 2,
  /** The job stopped on its own: no answer from Coufun for BULK_STALL_MS. */
  stalled: 3,
  /** Interrupted (Ctrl-C, SIGTERM); `--resume` continues. */
  interrupted: 130,
} as const;

export interface BulkCommand {
  readonly file: string;
  readonly goods?: string;
  readonly out?: string;
  readonly sheet?: string;
  readonly force: boolean;
  readonly resume: boolean;
  readonly json: boolean;
  readonly lang: Locale;
  readonly rate?: number;
  readonly concurrency?: number;
}

export type BulkArgs = { readonly ok: true; readonly command: BulkCommand } | { readonly ok: false; readonly problems: readonly string[] };

const OPTIONS = {
  file: { type: 'string' },
  goods: { type: 'string' },
  out: { type: 'string' },
  sheet: { type: 'string' },
  force: { type: 'boolean' },
  resume: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  rate: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

/** Whether `argv` asks for a bulk run (has `--file`). */
export function isBulkRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--file' || a.startsWith('--file='));
}

/** Parse a bulk run's arguments; every problem is listed. */
export function parseBulkArgs(argv: readonly string[]): BulkArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (positionals.length > 0)
    problems.push(`--file와 함께 상품이나 쿠폰번호를 쓸 수 없습니다 (${positionals.length}개 입력). 상품은 --goods로 지정해 주세요.`);
  if (!values.file?.trim()) problems.push('--file에 목록 파일을 지정해 주세요.');
  if (values.force && values.resume) problems.push('--force와 --resume은 함께 쓸 수 없습니다.');
  if (values.out !== undefined && !/\.(csv|xlsx)$/i.test(values.out)) problems.push('--out은 .csv나 .xlsx 파일이어야 합니다.');
  const lang = values.lang ?? 'ko';
  if (lang !== 'ko' && lang !== 'en') problems.push('--lang은 ko 또는 en입니다.');
  const rate = bounded('--rate', values.rate, BULK_LIMITS.rate, problems);
  const concurrency = bounded('--concurrency', values.concurrency, BULK_LIMITS.concurrency, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    command: {
      file: values.file!.trim(),
      ...(values.goods !== undefined ? { goods: values.goods } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      force: values.force === true,
      resume: values.resume === true,
      json: values.json === true,
      lang: lang as Locale,
      ...(rate !== undefined ? { rate } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
    },
  };
}

function bounded(name: string, raw: string | undefined, limits: { min: number; max: number }, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= limits.min && n <= limits.max) return n;
  problems.push(`${name}는 ${limits.min}부터 ${limits.max} 사이의 정수여야 합니다 ("${raw}").`);
  return undefined;
}

/** Where the result goes without `--out`: beside the list, `.xlsx` for an `.xlsx` list, else `.csv`. */
export function defaultOut(file: string): string {
  const xlsx = /\.xlsx$/i.test(file);
  return `${file.replace(/\.[^./\\]*$/, '')}.result.${xlsx ? 'xlsx' : 'csv'}`;
}
