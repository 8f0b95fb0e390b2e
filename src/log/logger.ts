/**
 * Structured JSON-lines logger on pino. One object per line:
 * `{"level":"info","time":"2024-…Z","msg":"lookup",…fields}`. Free text passes through `redact`,
 * fields and bindings through `redactFields` before pino sees them, so a careless call site
 * still cannot leak a token, a secret, a full barcode or a full phone number.
 * Also satisfies Bolt's `Logger` interface so Bolt's own messages share the format.
 *
 * Output goes to stdout through `stdoutDestination()` (sonic-boom, asynchronous, bounded), which
 * stops writing for good once the reader of stdout went away; or to an injected `sink` (tests).
 */
import type { LogLevel, Logger as BoltLogger } from '@slack/bolt';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redact, redactFields } from './redact.js';
import { scrubSlackText } from './slack-text.js';
import { stdoutDestination } from './stdout.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const SEVERITY: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const LOG_LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error'];

export type Fields = Record<string, unknown>;

export interface Logger extends BoltLogger {
  /** Structured event: `msg` is a stable event name; `fields` should be safe already (they are redacted again). */
  event(level: Level, msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

export interface LoggerOptions {
  level?: Level;
  name?: string;
  /** Receives each line without its newline (tests); default: stdout via `stdoutDestination()`. */
  sink?: (line: string) => void;
  clock?: () => number;
  bindings?: Fields;
}

/** Turn an Error (or anything) into loggable, redacted fields. */
export function errorFields(e: unknown): Fields {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { error: clean(`${e.name}: ${e.message}`), ...(code !== undefined ? { errorCode: String(code) } : {}) };
  }
  return { error: clean(String(e)) };
}

/**
 * `errorFields` plus the redacted stack, for bugs (`INTERNAL`, uncaught exceptions) where the
 * stack is what an engineer needs. Stack frames are file paths and line numbers; the first line
 * repeats the message, so the whole text is redacted like the message.
 */
export function bugFields(e: unknown): Fields {
  const fields = errorFields(e);
  if (e instanceof Error && typeof e.stack === 'string') fields.stack = clean(e.stack);
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause !== undefined) {
    fields.cause = errorFields(cause).error;
    if (cause instanceof Error && typeof cause.stack === 'string') fields.causeStack = clean(cause.stack);
  }
  return fields;
}

/** Free text made safe: the project's redaction, then Slack's unshaped credentials. */
function clean(text: string): string {
  return scrubSlackText(redact(text));
}

function textOf(parts: unknown[]): string {
  return clean(parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : safeJson(p))).join(' '));
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Keys pino writes itself (or we write first): a field of the same name would duplicate them. */
const CORE_KEYS = new Set(['level', 'time', 'msg', 'name']);

/** A pino destination that hands each line, without its newline, to `sink`. */
function sinkDestination(sink: (line: string) => void): DestinationStream {
  return { write: (s: string) => sink(s.endsWith('\n') ? s.slice(0, -1) : s) };
}

function createPino(destination: DestinationStream, clock: () => number): PinoLogger {
  return pino(
    {
      // Every level reaches pino; each Logger below filters by its own level first, so a child
      // keeps the level it was made with and setLevel on one logger does not change another.
      level: 'debug',
      base: null,
      timestamp: () => `,"time":"${new Date(clock()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A root logger: to `options.sink` when given (tests), else to the process's stdout destination. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const clock = options.clock ?? Date.now;
  const out = createPino(options.sink ? sinkDestination(options.sink) : stdoutDestination(), clock);
  return makeLogger(out, { level: options.level ?? 'info', name: options.name, bindings: options.bindings ?? {} });
}

interface LoggerState {
  level: Level;
  name: string | undefined;
  readonly bindings: Fields;
}

function makeLogger(out: PinoLogger, initial: LoggerState): Logger {
  const state = { ...initial };
  const enabled = (level: Level): boolean => SEVERITY[level] >= SEVERITY[state.level];

  const emit = (level: Level, msg: string, fields: Fields): void => {
    if (!enabled(level)) return;
    const safe = redactFields({ ...state.bindings, ...fields });
    // `name` and `msg` come first (after pino's level and time) for people reading raw lines.
    const line: Fields = { ...(state.name ? { name: state.name } : {}), msg };
    for (const [k, v] of Object.entries(safe)) if (!CORE_KEYS.has(k)) line[k] = v;
    out[level](line);
  };

  // Bolt and the Web API client log chatty debug lines on every request: skip building and
  // redacting their text unless the level will print it.
  const text = (level: Level, msg: unknown[]): void => {
    if (enabled(level)) emit(level, textOf(msg), {});
  };

  return {
    event: (level, msg, fields = {}) => emit(level, msg, fields),
    child: (more) => makeLogger(out, { level: state.level, name: state.name, bindings: { ...state.bindings, ...more } }),
    debug: (...msg) => text('debug', msg),
    info: (...msg) => text('info', msg),
    warn: (...msg) => text('warn', msg),
    error: (...msg) => text('error', msg),
    setLevel: (level) => {
      state.level = level as Level;
    },
    getLevel: () => state.level as LogLevel,
    setName: (name) => {
      state.name = name;
    },
  };
}
