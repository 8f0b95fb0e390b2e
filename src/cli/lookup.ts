/**
 * `npm run lookup -- <goods> <barcode> [barcode…]`: look coupons up from a terminal, through the
 * same input reading, lookup service and display words as the Slack bot. `--help` documents
 * options, exit codes and configuration. Importing this module runs nothing: the work is `run`
 * (run.ts), which tests call in-process; only executing this file as the program calls it.
 */
import { EXIT } from './args.js';
import { isEntryPoint } from './entry.js';
import { run } from './run.js';

if (isEntryPoint(import.meta.url)) {
  const onSignal = (handler: () => void): (() => void) => {
    process.on('SIGINT', handler).on('SIGTERM', handler);
    return () => process.off('SIGINT', handler).off('SIGTERM', handler);
  };
  run(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr, onSignal }).then(
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
}
