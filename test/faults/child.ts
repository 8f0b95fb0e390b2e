/**
 * The real `npm start` process for fault tests: `node --import tsx src/main.ts` as a child, its
 * JSON log lines parsed as they arrive, and signed Slack requests sent to the port it logs.
 *
 * Also loadable inside that child with `--import` (see `INJECT_ENV`): on SIGUSR2 it throws
 * an uncaught exception and leaves a rejection unhandled, outside any listener, so the tests
 * can reach main.ts's process guards without a bug in src/ to trigger them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { SECRET } from '../support/bot-harness.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { slashCommandBody } from '../support/payloads.js';
import { signedHeaders } from '../support/signing.js';

export const INJECT_ENV = 'COUPON_TEST_INJECT_FAULTS';

if (process.env[INJECT_ENV] === '1') {
  process.on('SIGUSR2', () => {
    setImmediate(() => {
      throw new Error('injected uncaught exception');
    });
    void Promise.reject(new Error('injected unhandled rejection'));
  });
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

export type LogLine = Record<string, unknown> & { msg?: string };

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface ChildBot {
  readonly proc: ChildProcess;
  readonly port: number;
  /** The bot's own process ID, from its `started` line (not npm's under `npm start`). */
  readonly pid: number;
  /** Parsed stdout JSON lines, in order. */
  readonly logs: LogLine[];
  /** Everything the child wrote to stderr. */
  stderr(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Whether the process has exited yet. */
  hasExited(): boolean;
  /** The first log line matching `pred` (waits for it), or rejects when the process exits without one. */
  waitForLog(pred: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** POST a signed `/coupon`; `responseUrl` is a fresh one on the FakeSlack. */
  command(text: string, user?: string): Promise<Answer & { responseUrl: string }>;
  get(path: string): Promise<Answer>;
  /** SIGKILL if still running, and release the HTTP agent. */
  dispose(): Promise<void>;
}

export interface SpawnOptions {
  /** Load this module in the child too, arming the SIGUSR2 fault injection (tsx launcher only). */
  readonly injectFaults?: boolean;
  /**
   * How the bot is started: `tsx` (default, `node --import tsx src/main.ts`) or `npm-start`
   * (`npm start`, exactly as the README says: build, then the compiled bot under npm).
   */
  readonly launcher?: 'tsx' | 'npm-start';
  /** Start the child as the leader of its own process group (to signal the whole group). */
  readonly detached?: boolean;
  /** How long to wait for `started` (npm start compiles first). */
  readonly startTimeoutMs?: number;
}

/** The child's environment: only what is given here (no inherited COUFUN_* or SLACK_*). */
export function childEnv(slack: FakeSlack, env: Record<string, string>, options: SpawnOptions = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    ...(process.env.HOME ? { HOME: process.env.HOME } : {}),
    SLACK_BOT_TOKEN: 'xoxb-child-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    ALLOWED_CHANNEL_IDS: '*',
    LOG_LEVEL: 'info',
    ...(options.injectFaults ? { [INJECT_ENV]: '1' } : {}),
    ...env,
  };
}

/**
 * Start the bot as a child process against `slack`, with only the environment given here (no
 * inherited COUFUN_* or SLACK_* from the shell). Resolves once it logged `started`.
 */
export async function spawnBot(slack: FakeSlack, env: Record<string, string>, options: SpawnOptions = {}): Promise<ChildBot> {
  const args = ['--import', 'tsx', ...(options.injectFaults ? ['--import', SELF] : []), 'src/main.ts'];
  const [command, argv] = options.launcher === 'npm-start' ? ['npm', ['start']] : [process.execPath, args];
  const proc = spawn(command, argv, {
    cwd: REPO,
    env: childEnv(slack, env, options),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });

  const logs: LogLine[] = [];
  let err = '';
  let exit: Exit | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());

  let pending = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.trim() === '') continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: '(not json)', raw: line });
      }
    }
    notify();
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    proc.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
      notify();
    });
  });

  // Generous: several bots starting under tsx at once on a busy two-core machine take tens of seconds.
  const waitForLog = (pred: (line: LogLine) => boolean, what: string, timeoutMs = 60_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = logs.find(pred);
        if (hit) finish(() => resolve(hit));
        else if (exit) finish(() => reject(new Error(`child exited (${JSON.stringify(exit)}) without logging ${what}; stderr: ${err}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for log ${what}`))), timeoutMs);
      const finish = (f: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        f();
      };
      listeners.add(check);
      check();
    });

  const started = await waitForLog((l) => l.msg === 'started', '"started"', options.startTimeoutMs).catch((e: unknown) => {
    proc.kill('SIGKILL');
    throw e;
  });
  const port = Number(started.port);
  // Our own agent, so keep-alive sockets to the child never outlive the test.
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const base = `http://127.0.0.1:${port}`;

  const send = async (path: string, init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<Answer> => {
    const res = await request(`${base}${path}`, { dispatcher: agent, ...init });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  };

  return {
    proc,
    port,
    pid: Number(started.pid) || proc.pid!,
    logs,
    stderr: () => err,
    exited,
    hasExited: () => exit !== undefined,
    waitForLog,
    async command(text, user = 'U0ALICE') {
      const responseUrl = slack.responseUrl();
      const body = slashCommandBody({ text, user, responseUrl });
      const answer = await send('/slack/events', {
        method: 'POST',
        body,
        headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
      });
      return { ...answer, responseUrl };
    },
    get: (path) => send(path, { method: 'GET' }),
    async dispose() {
      if (!exit) {
        proc.kill('SIGKILL');
        await exited;
      }
      // Under npm the bot is a grandchild we started: make sure it does not outlive the test.
      const botPid = Number(started.pid);
      if (botPid !== proc.pid && isBotProcess(botPid)) process.kill(botPid, 'SIGKILL');
      await agent.close();
    },
  };
}

/** Whether `pid` is alive and is one of our bot processes (its command line runs main). */
export function isBotProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // A zombie (state Z) has exited already; it only waits for its parent to reap it.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && /main\.(?:ts|js)/.test(cmdline);
  } catch {
    return false;
  }
}

/** CPU time (user + system, seconds) the process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3 of the full line, utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS;
}

/** Clock ticks per second on Linux (USER_HZ); 100 on every mainstream kernel build. */
const CLOCK_TICKS = Number(process.env.CLK_TCK ?? 100);

/** The log lines after the first one matching `pred` (all lines if none matches). */
export function linesAfter(logs: readonly LogLine[], pred: (line: LogLine) => boolean): LogLine[] {
  const at = logs.findIndex(pred);
  return at < 0 ? [...logs] : logs.slice(at + 1);
}
