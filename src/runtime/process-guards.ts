/**
 * Process-level safety nets for the bot's process: uncaught exceptions and unhandled rejections
 * are logged (as bugs, with a redacted stack) and survived, without ever recursing, and a closed
 * stdout or stderr is ignored instead of becoming an endless stream of uncaught EPIPE errors.
 * Also `watchParent`: under `npm start`, the bot stops when npm itself is gone.
 */
import { bugFields, type Logger } from '../log/logger.js';

/** Errors of writing to a reader that went away: nothing to report, and nowhere to report it. */
const BROKEN_OUTPUT = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'EBADF', 'EIO']);

/** True for an error raised by writing to a closed pipe or stream. */
export function isBrokenOutput(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BROKEN_OUTPUT.has(code);
}

export interface GuardTarget {
  on(event: 'uncaughtException', fn: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', fn: (reason: unknown) => void): unknown;
  readonly stdout: { on(event: 'error', fn: (e: unknown) => void): unknown };
  readonly stderr: { on(event: 'error', fn: (e: unknown) => void): unknown };
}

/**
 * Install the handlers on `target` (the process). A failure while reporting a failure is
 * dropped, never reported again: one guard flag for both handlers.
 */
export function installProcessGuards(logger: Logger, target: GuardTarget = process): void {
  let reporting = false;
  const report = (msg: string, e: unknown): void => {
    if (reporting || isBrokenOutput(e)) return;
    reporting = true;
    try {
      logger.event('error', msg, bugFields(e));
    } catch {
      // Logging itself failed; there is no one left to tell.
    } finally {
      reporting = false;
    }
  };
  target.on('uncaughtException', (error) => report('uncaught_exception', error));
  target.on('unhandledRejection', (reason) => report('unhandled_rejection', reason));
  ignoreBrokenOutput(target);
}

/**
 * Something writing to process.stdout/stderr directly (a dependency, a start-up message) after
 * the reader left: with a listener the stream's error is just dropped, not thrown. Safe to call
 * early (before a logger exists) and more than once.
 */
export function ignoreBrokenOutput(target: Pick<GuardTarget, 'stdout' | 'stderr'> = process): void {
  for (const stream of [target.stdout, target.stderr] as Array<GuardTarget['stdout'] & { listeners?(e: string): unknown[] }>) {
    if (stream.listeners?.('error').includes(dropError)) continue;
    stream.on('error', dropError);
  }
}

function dropError(): void {
  // The reader is gone; there is nowhere to report it.
}

export interface ParentWatch {
  stop(): void;
}

/**
 * Call `onGone` once when the parent process changes (it died and the bot was re-parented),
 * checking every `intervalMs` with an unref'd timer. Only meaningful when the parent is a
 * supervisor whose lifetime the bot should share (npm), not a shell that may leave.
 */
export function watchParent(onGone: () => void, options: { intervalMs?: number; ppid?: () => number } = {}): ParentWatch {
  const ppid = options.ppid ?? (() => process.ppid);
  const first = ppid();
  const timer = setInterval(() => {
    if (ppid() !== first) {
      clearInterval(timer);
      onGone();
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
