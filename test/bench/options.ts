/** Command-line options of `npm run bench`. Pure. */

export interface BenchOptions {
  /** Concurrency levels, in order. */
  readonly levels: readonly number[];
  /** Measured requests per level (per bot, and again for the raw vendor baseline). */
  readonly requests: (concurrency: number) => number;
  /** Sandbox vendor delay, ms. */
  readonly delayMs: number;
  /** Concurrent identical lookups in the single-flight check. */
  readonly identical: number;
  /** No card within this long = lost. */
  readonly deadlineMs: number;
  readonly warmup: number;
  /** Each level is split into this many rounds, alternating the bots, so noise hits both alike. */
  readonly rounds: number;
  /** 0 = a new user per request; N = cycle through N users (their locales get cached). */
  readonly users: number;
  /** Run the sandbox in a process of its own, shared by both bots, instead of inside each bot. */
  readonly vendorProcess: boolean;
  /** Also measure Redis mode and two replicas on one Redis (needs redis-server). */
  readonly redis: boolean;
  /** Distinct items per bulk pacing run (0 skips the bulk section). */
  readonly bulkItems: number;
  readonly json: boolean;
}

export const USAGE = `Usage: npm run bench -- [--requests N] [--delay MS] [--identical N] [--deadline MS] [--warmup N] [--json]
  --levels LIST  concurrency levels, comma-separated (default 1,10,50; targets need 1 and 50)
  --requests N   measured requests per concurrency level (default 100 at c=1, 400 at c=10, 1600 at c=50)
  --delay MS     fixed sandbox vendor delay (default 50)
  --identical N  concurrent identical lookups for the single-flight check (default 500; 0 skips)
  --deadline MS  a request with no card after this long is lost (default 10000)
  --warmup N     unmeasured requests per bot before measuring (default 200)
  --rounds N     split each level into N rounds alternating the bots (default 4)
  --users N      cycle through N users instead of a new user per request (diagnosis: cached locales)
  --vendor-in-bot  run the sandbox inside each bot's process (default: one process of its own,
                 as the real vendor is never inside the bot; diagnosis only)
  --bulk-items N distinct items per bulk pacing run (default 2000; 0 skips the bulk section,
                 which takes about N/5 + N/50 s at the default and R=50 settings)
  --no-redis     skip the Redis rows (Redis mode, two replicas on one Redis); they need redis-server
  --json         print one JSON document instead of the table`;

const DEFAULT_REQUESTS: Readonly<Record<number, number>> = { 1: 100, 10: 400, 50: 1600 };

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let requests: number | undefined;
  let delayMs = 50;
  let identical = 500;
  let deadlineMs = 10_000;
  let warmup = 200;
  let json = false;
  let rounds = 4;
  let levels: number[] = [1, 10, 50];
  let users = 0;
  let vendorProcess = true;
  let redis = true;
  let bulkItems = 2000;
  const int = (flag: string, value: string | undefined, min: number): number => {
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < min)
      throw new Error(`${flag} needs a whole number ≥ ${min}\n${USAGE}`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--requests':
        requests = int(flag, value(), 1);
        break;
      case '--bulk-items':
        bulkItems = int(flag, value(), 0);
        break;
      case '--delay':
        delayMs = int(flag, value(), 0);
        break;
      case '--identical':
        identical = int(flag, value(), 0);
        break;
      case '--deadline':
        deadlineMs = int(flag, value(), 1);
        break;
      case '--warmup':
        warmup = int(flag, value(), 0);
        break;
      case '--levels': {
        const list = value() ?? '';
        levels = list.split(',').map((v) => int(flag, v.trim(), 1));
        break;
      }
      case '--rounds':
        rounds = int(flag, value(), 1);
        break;
      case '--users':
        users = int(flag, value(), 1);
        break;
      case '--vendor-process':
        vendorProcess = true;
        break;
      case '--vendor-in-bot':
        vendorProcess = false;
        break;
      case '--no-redis':
        redis = false;
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`Unknown option ${arg}\n${USAGE}`);
    }
  }
  return {
    bulkItems,
    levels,
    requests: (c) => requests ?? DEFAULT_REQUESTS[c] ?? 200,
    delayMs,
    identical,
    deadlineMs,
    warmup,
    rounds,
    users,
    vendorProcess,
    // Replicas share one vendor, so its request count is theirs: that needs the vendor process.
    redis: redis && vendorProcess,
    json,
  };
}
