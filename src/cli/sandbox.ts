/**
 * `npm run sandbox`: run the Coufun simulator alone on 127.0.0.1 so the CLI and the Slack app
 * can be pointed at it with COUFUN_URL. `--list` prints the seeds and exits.
 * Env: SANDBOX_PORT (default 8446, 0 = any free port), SANDBOX_DELAY_MS (default 0).
 */
import { ConfigError, EnvReader, SANDBOX_POC_ID, type Env } from '../config.js';
import { SANDBOX_GOODS, SANDBOX_SEEDS } from '../coufun/sandbox/seeds.js';
import { startSandbox } from '../coufun/sandbox/server.js';
import { renderSeedList } from './print.js';

const DEFAULT_PORT = 8446;

/** The seeds as `npm run lookup -- --list` shows them (one listing for both), then the rules. */
function seedListing(): string {
  return [
    renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS).trimEnd(),
    '',
    'Rules: any other barcode answers code 16; a seed with another GOODS_ID answers 31;',
    `a POC_ID other than ${SANDBOX_POC_ID} answers 02; a missing field answers 99.`,
  ].join('\n');
}

async function main(argv: readonly string[], env: Env): Promise<void> {
  if (argv.includes('--list')) {
    process.stdout.write(seedListing() + '\n');
    return;
  }
  const r = new EnvReader(env);
  const port = r.int('SANDBOX_PORT', DEFAULT_PORT, 0, 65_535);
  const delayMs = r.int('SANDBOX_DELAY_MS', 0, 0, 60_000);
  r.check();

  const sandbox = await startSandbox({ port, delayMs });
  process.stdout.write(
    [
      `Coufun sandbox listening on ${sandbox.url}`,
      '',
      'Point the CLI or the Slack app at it (COUFUN_ENV unset, COUFUN_POC_ID unset or ' + SANDBOX_POC_ID + '):',
      `  COUFUN_URL=${sandbox.url} npm run lookup -- ...`,
      `  COUFUN_URL=${sandbox.url} npm start`,
      '',
      seedListing(),
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = (signal: NodeJS.Signals): void => {
    void sandbox.close().then(() => process.stdout.write(`Sandbox stopped (${signal}).\n`));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2), process.env).catch((e: unknown) => {
  const message = e instanceof ConfigError ? e.message : `Sandbox failed to start: ${e instanceof Error ? e.message : String(e)}`;
  process.stderr.write(message + '\n');
  process.exitCode = 1;
});
