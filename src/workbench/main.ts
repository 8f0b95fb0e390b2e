/**
 * `npm run workbench`: the real bot answered by a local stand-in for Slack, in a web page, with
 * no configuration. WORKBENCH_PORT (default 3000) picks the page's port on 127.0.0.1; the
 * Coufun variables (COUFUN_ENV, COUFUN_POC_ID, COUFUN_URL, COUPON_GOODS, …) reach the bot as
 * they would in production. Ctrl-C or SIGTERM stops the bot and the servers, exit status 0.
 */
import { ConfigError } from '../config/env.js';
import { startWorkbench } from './workbench.js';

function fail(message: string, status: number): never {
  process.stderr.write(`workbench: ${message}\n`);
  process.exit(status);
}

async function main(): Promise<void> {
  const raw = process.env.WORKBENCH_PORT?.trim() || '3000';
  const port =
    /^\d{1,5}$/.test(raw) && Number(raw) <= 65_535 ? Number(raw) : fail(`WORKBENCH_PORT must be a port number (0–65535), got "${raw}"`, 2);
  const quiet = process.env.WORKBENCH_QUIET === '1';
  let wb: Awaited<ReturnType<typeof startWorkbench>>;
  try {
    wb = await startWorkbench({
      env: process.env,
      port,
      botLog: quiet ? () => {} : (line) => process.stdout.write(`bot   ${line}\n`),
      trace: quiet ? () => {} : (line) => process.stdout.write(`slack ${line.replace(/^slack /, '')}\n`),
    });
  } catch (e) {
    if (e instanceof ConfigError) fail(`the bot refused its settings:\n${e.message}`, 2);
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on 127.0.0.1 is in use; set WORKBENCH_PORT to another port (or 0 for any free one)`, 1);
    throw e;
  }
  process.stdout.write(
    [
      '',
      `  coupon-bot workbench: ${wb.url}`,
      `  the real bot (HTTP mode, Coufun ${wb.coufunEnv}) answered by a local stand-in for Slack`,
      wb.coufunEnv === 'sandbox'
        ? '  everything stays on 127.0.0.1 (built-in Coufun sandbox)'
        : `  only the bot's Coufun requests leave this machine (${wb.coufunEnv} server)`,
      '  Ctrl-C to stop',
      '',
      '',
    ].join('\n'),
  );
  let signals = 0;
  const stop = (signal: string): void => {
    signals += 1;
    if (signals > 1) process.exit(130);
    process.stdout.write(`workbench: ${signal}, stopping\n`);
    wb.stop().then(
      () => process.exit(0),
      (e: unknown) => fail(`stop failed: ${e instanceof Error ? e.message : String(e)}`, 1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e), 1));
