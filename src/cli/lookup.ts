/**
 * `npm run lookup -- <goods> <barcode> [barcode…]`: look coupons up from a terminal, through the
 * same lookup service and display words as the Slack bot. Thin shell: parsing (args.ts) and
 * rendering (print.ts) are pure; this file reads the environment, does the I/O and sets the
 * exit code. `--help` documents options, exit codes and configuration.
 */
import { systemClock } from '../clock.js';
import { ConfigError, loadCoufunConfig, type Env } from '../config.js';
import { openLookup } from '../lookup/bootstrap.js';
import { EXIT, exitCodeFor, parseArgs, type CliCommand } from './args.js';
import { renderHelp, renderJson, renderReport, renderSeedList, renderUsageProblem } from './print.js';

type LookupCommand = Extract<CliCommand, { kind: 'lookup' }>;

async function main(argv: readonly string[], env: Env): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(renderUsageProblem(parsed.problem));
    return EXIT.usage;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    process.stdout.write(renderHelp());
    return EXIT.ok;
  }
  if (command.kind === 'list') {
    // Loaded on demand: a plain lookup never imports the simulator's tables.
    const { SANDBOX_SEEDS, SANDBOX_GOODS } = await import('../coufun/sandbox/seeds.js');
    process.stdout.write(command.json ? `${JSON.stringify(SANDBOX_SEEDS, null, 2)}\n` : renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS));
    return EXIT.ok;
  }
  return lookup(command, env);
}

async function lookup(command: LookupCommand, env: Env): Promise<number> {
  let config;
  try {
    config = loadCoufunConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  const opened = await openLookup(config);
  try {
    const outcomes = await Promise.all(command.barcodes.map((barcode) => opened.service.lookup(command.goods, barcode)));
    if (command.json) {
      process.stdout.write(renderJson(outcomes));
    } else {
      const goodsNames = opened.sandbox ? await sandboxGoodsNames() : undefined;
      for (const chunk of renderReport(outcomes, { nowMs: systemClock(), goodsNames })) process[chunk.stream].write(chunk.text);
    }
    return exitCodeFor(outcomes);
  } finally {
    await opened.close();
  }
}

/** The sandbox's product names, so its cards read like real ones. */
async function sandboxGoodsNames(): Promise<ReadonlyMap<string, string>> {
  const { SANDBOX_GOODS } = await import('../coufun/sandbox/goods.js');
  return new Map(SANDBOX_GOODS.map((g) => [g.id, g.name]));
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Only a bug gets here: the lookup service never rejects. The message may be technical, but
    // it is ours (no vendor body, no barcode).
    process.stderr.write(`내부 오류: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
