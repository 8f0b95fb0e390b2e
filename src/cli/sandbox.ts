/**
 * `npm run sandbox`: run the Coufun simulator alone on 127.0.0.1 so the CLI and the Slack app
 * can be pointed at it with COUFUN_URL. `--list` prints the seeds and exits; `--help` says this.
 * Env: SANDBOX_PORT (default 8446, 0 = any free port), SANDBOX_DELAY_MS (default 0).
 * Importing this module runs nothing: `runSandbox` is the work, tests call it in-process.
 */
import { parseArgs } from 'node:util';
import { ConfigError, EnvReader, type Env } from '../config/env.js';
import { SANDBOX_POC_ID } from '../coufun/environments.js';
import { SANDBOX_GOODS } from '../coufun/environments.js';
import { SANDBOX_SEEDS } from '../coufun/sandbox/seeds.js';
import { startSandbox, type SandboxHandle } from '../coufun/sandbox/server.js';
import { isEntryPoint } from './entry.js';
import type { CliIo } from './run.js';
import { renderSeedList } from './print.js';

const DEFAULT_PORT = 8446;

const USAGE = `Usage: npm run sandbox [-- --list | --help]
  Runs the Coufun simulator on 127.0.0.1:SANDBOX_PORT (default ${DEFAULT_PORT}, 0 = any free port),
  answering after SANDBOX_DELAY_MS (default 0). --list prints the seeds and exits.
`;

/** The seeds as `npm run lookup -- --list` shows them (one listing for both), then the rules. */
function seedListing(): string {
  return [
    renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS).trimEnd(),
    '',
    'Rules: any other barcode answers code 16; a seed with another GOODS_ID answers 31;',
    `a POC_ID other than ${SANDBOX_POC_ID} answers 02; a missing field answers 99.`,
  ].join('\n');
}

/** How a run ended: an exit code, or a sandbox serving until `close` (the entry point waits for a signal). */
export type SandboxRun =
  | { readonly code: number; readonly sandbox?: undefined }
  | { readonly code?: undefined; readonly sandbox: SandboxHandle };

/** `npm run sandbox` as a function. Bad options or settings → code 2 with every problem listed. */
export async function runSandbox(argv: readonly string[], env: Env, io: Pick<CliIo, 'stdout' | 'stderr'>): Promise<SandboxRun> {
  let values: { list?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return { code: 2 };
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return { code: 0 };
  }
  if (values.list) {
    io.stdout.write(`${seedListing()}\n`);
    return { code: 0 };
  }
  const r = new EnvReader(env);
  const port = r.int('SANDBOX_PORT', DEFAULT_PORT, 0, 65_535);
  const delayMs = r.int('SANDBOX_DELAY_MS', 0, 0, 60_000);
  try {
    r.check();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return { code: 2 };
  }

  const sandbox = await startSandbox({ host: '127.0.0.1', port, delayMs });
  io.stdout.write(
    [
      `Coufun sandbox listening on ${sandbox.url}`,
      '',
      `Point the CLI or the Slack app at it (COUFUN_ENV unset, COUFUN_POC_ID unset or ${SANDBOX_POC_ID}):`,
      `  COUFUN_URL=${sandbox.url} npm run lookup -- ...`,
      `  COUFUN_URL=${sandbox.url} npm start`,
      '',
      seedListing(),
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  return { sandbox };
}

if (isEntryPoint(import.meta.url)) {
  runSandbox(process.argv.slice(2), process.env, process).then(
    (result) => {
      if (result.sandbox === undefined) {
        process.exitCode = result.code;
        return;
      }
      const { sandbox } = result;
      const stop = (signal: NodeJS.Signals): void => {
        void sandbox.close().then(() => process.stdout.write(`Sandbox stopped (${signal}).\n`));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (e: unknown) => {
      process.stderr.write(`Sandbox failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
