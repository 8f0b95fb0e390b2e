/**
 * `npm start`: run the Slack bot until SIGTERM/SIGINT (or, under npm, until npm is gone).
 * Configuration problems are printed all at once and exit 2; unexpected errors in listeners and
 * outside them are logged and survived; a closed stdout only stops the logs.
 */
import { ConfigError } from './config/env.js';
import { errorFields } from './log/logger.js';
import { drainStdout } from './log/stdout.js';
import { startBot, type RunningBot } from './bot.js';
import { ignoreBrokenOutput, installProcessGuards, watchParent } from './runtime/process-guards.js';

/** Under npm, the same signal again within this long is npm forwarding the one already seen. */
const NPM_ECHO_WINDOW_MS = 1_000;

/** How long the last log lines may take to reach a slow reader before the process exits anyway. */
const LOG_DRAIN_MS = 1_000;

let exitCode: number | undefined;

/**
 * Exit once the buffered log lines are out (or the reader is gone, or too slow). The first
 * call decides the status: a forced exit is not turned into 0 by a stop finishing meanwhile.
 */
function exit(code: number): void {
  if (exitCode !== undefined) return;
  exitCode = code;
  void drainStdout(LOG_DRAIN_MS).then(() => process.exit(code));
}

function writeStderr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // stderr is gone too; the exit status still says it.
  }
}

async function main(): Promise<void> {
  ignoreBrokenOutput();
  let bot: RunningBot;
  try {
    bot = await startBot(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      writeStderr(`${e.message}\n`);
      return exit(2);
    }
    writeStderr(`coupon-bot could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    return exit(1);
  }
  // A bug in one listener must not take the bot down for everyone.
  installProcessGuards(bot.logger);

  const underNpm = process.env.npm_lifecycle_event === 'start';
  let signals = 0;
  let last: { signal: string; atMs: number } | undefined;
  const onSignal = (signal: string): void => {
    // A SIGTERM to npm's whole process group (systemd's default kill mode) reaches the bot twice
    // within milliseconds: directly and forwarded by npm. That is one request to stop, not two.
    const now = performance.now();
    if (underNpm && last?.signal === signal && now - last.atMs < NPM_ECHO_WINDOW_MS) return;
    last = { signal, atMs: now };
    signals += 1;
    if (signals > 1) {
      bot.logger.event('warn', 'forced_exit', { signal });
      exit(1);
      return;
    }
    void bot.stop(signal).then(
      () => exit(0),
      (e: unknown) => {
        bot.logger.event('error', 'stop_failed', errorFields(e));
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // `npm start` forwards signals to the bot (the start script execs node), but if npm itself is
  // killed outright the bot would live on as an orphan nobody supervises: stop like on SIGTERM.
  if (underNpm) {
    watchParent(() => {
      bot.logger.event('warn', 'parent_gone', { was: 'npm' });
      onSignal('parent_gone');
    });
  }
}

void main();
