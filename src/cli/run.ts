/**
 * The lookup CLI as a function: `run(argv, env, io)` → exit code. Thin shell over pure parts:
 * options and input (args.ts), configuration (config.ts, catalog.ts), the lookup service, and
 * rendering (print.ts). Order matters for Coufun's per-product limit (code 09): configuration
 * and input are checked in full before a single request is sent.
 */
import { readCommand } from '../config/slack.js';
import { readCatalog } from '../config/catalog.js';
import { systemClock, type Clock } from '../time/clock.js';
import { ConfigError, EnvReader, type Env } from '../config/env.js';
import { readCoufunConfig } from '../config/coufun.js';
import { SANDBOX_GOODS } from '../coufun/environments.js';
import type { SandboxOptions } from '../coufun/sandbox/server.js';
import { openLookup } from '../lookup/bootstrap.js';
import { EXIT, exitCodeFor, parseCliArgs, readLookupWords, type CliCommand } from './args.js';
import { isBulkRun } from './bulk/args.js';
import { runBulk } from './bulk/run.js';
import { renderHelp, renderJson, renderReport, renderSeedList, renderUsageProblem } from './print.js';

/** Where the CLI writes: `process` itself fits (`run(argv, process.env, process)`). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** `isTTY`: a bulk run draws a progress bar there, else writes a line every few seconds. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Subscribe to the stop signals (SIGINT, SIGTERM) for a bulk run; returns an unsubscribe. */
  readonly onSignal?: (handler: () => void) => () => void;
  /** Now, for expiry phrases and the sandbox's dates (default: the system clock). */
  readonly clock?: Clock;
  /** Options for the built-in sandbox when it is started (default: 127.0.0.1, any free port). */
  readonly sandbox?: SandboxOptions;
}

type LookupCommand = Extract<CliCommand, { kind: 'lookup' }>;

/** Run the lookup CLI once. Resolves to the exit code (see `EXIT`); rejects only on a bug. */
export async function run(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  if (isBulkRun(argv)) return runBulk(argv, env, io);
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(renderUsageProblem(parsed.problem));
    return EXIT.usage;
  }
  const command = parsed.value;
  if (command.kind === 'help') {
    io.stdout.write(renderHelp(helpCommand(env)));
    return EXIT.ok;
  }
  if (command.kind === 'list') {
    // Loaded on demand: a plain lookup never imports the simulator's tables.
    const { SANDBOX_SEEDS } = await import('../coufun/sandbox/seeds.js');
    io.stdout.write(command.json ? `${JSON.stringify(SANDBOX_SEEDS, null, 2)}\n` : renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS));
    return EXIT.ok;
  }
  return lookup(command, env, io);
}

async function lookup(command: LookupCommand, env: Env, io: CliIo): Promise<number> {
  const r = new EnvReader(env);
  const config = readCoufunConfig(r);
  const catalog = readCatalog(r, config.env);
  try {
    r.check();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  const input = readLookupWords(command.words, catalog);
  if (!input.ok) {
    io.stderr.write(renderUsageProblem(input.problem));
    return EXIT.usage;
  }
  if (input.value.kind === 'help') {
    io.stdout.write(renderHelp(helpCommand(env)));
    return EXIT.ok;
  }
  const { goods, barcodes } = input.value;
  const clock = io.clock ?? systemClock;
  const opened = await openLookup(config, { clock, ...(io.sandbox ? { sandbox: io.sandbox } : {}), env });
  try {
    const outcomes = await Promise.all(barcodes.map((barcode) => opened.service.lookup(goods.goodsId, barcode)));
    if (command.json) {
      io.stdout.write(renderJson(outcomes, command.reveal));
    } else {
      for (const chunk of renderReport(outcomes, { nowMs: clock(), catalog, reveal: command.reveal })) io[chunk.stream].write(chunk.text);
    }
    return exitCodeFor(outcomes);
  } finally {
    await opened.close();
  }
}

/** The slash command the help names: `COUPON_COMMAND` as the bot reads it (an invalid one → the default). */
function helpCommand(env: Env): string {
  return readCommand(new EnvReader(env));
}
