/**
 * Structured JSON-lines logger. One object per line on the given sink (stdout by default):
 * `{"time":…,"level":"info","msg":"lookup",…fields}`. Free text passes through `redact`, fields
 * and bindings through `redactFields`, so a careless call site still cannot leak a token, a
 * secret, a full barcode or a full phone number.
 * Also satisfies Bolt's `Logger` interface so Bolt's own messages share the format.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { redact, redactFields } from './redact.js';

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
  sink?: (line: string) => void;
  clock?: () => number;
  bindings?: Fields;
}

/** Turn an Error (or anything) into loggable, redacted fields. */
export function errorFields(e: unknown): Fields {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { error: redact(`${e.name}: ${e.message}`), ...(code !== undefined ? { errorCode: String(code) } : {}) };
  }
  return { error: redact(String(e)) };
}

function textOf(parts: unknown[]): string {
  return redact(
    parts
      .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : safeJson(p)))
      .join(' '),
  );
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const state = { level: options.level ?? 'info', name: options.name };
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? Date.now;
  const bindings = options.bindings ?? {};

  const emit = (level: Level, msg: string, fields: Fields): void => {
    if (!enabled(level)) return;
    const core = { time: new Date(clock()).toISOString(), level, ...(state.name ? { name: state.name } : {}), msg };
    // Core keys first for readability, and last so a field named `level` or `msg` cannot replace them.
    sink(safeJson({ ...core, ...redactFields({ ...bindings, ...fields }), ...core }));
  };

  const enabled = (level: Level): boolean => SEVERITY[level] >= SEVERITY[state.level];
  // Bolt and the Web API client log chatty debug lines on every request: skip building and
  // redacting their text unless the level will print it.
  const text = (level: Level, msg: unknown[]): void => {
    if (enabled(level)) emit(level, textOf(msg), {});
  };

  const logger: Logger = {
    event: (level, msg, fields = {}) => emit(level, msg, fields),
    child: (more) =>
      createLogger({ ...options, level: state.level, name: state.name, bindings: { ...bindings, ...more }, sink, clock }),
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
  return logger;
}
