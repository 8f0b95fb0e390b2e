/**
 * Whether a module is the program node was asked to run (`node src/cli/lookup.ts`, `tsx …`,
 * `node build/src/cli/lookup.js`) rather than an import, so a CLI module can export its `run`
 * for tests and still start when executed.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** True when `moduleUrl` (pass `import.meta.url`) is the script in `argv[1]`. */
export function isEntryPoint(moduleUrl: string, argv: readonly string[] = process.argv): boolean {
  const script = argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
