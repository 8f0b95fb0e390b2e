import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEntryPoint } from '../../src/cli/entry.js';

const LOOKUP = fileURLToPath(new URL('../../src/cli/lookup.ts', import.meta.url));
const LOOKUP_URL = pathToFileURL(LOOKUP).href;

describe('isEntryPoint: a CLI module runs only when executed', () => {
  it('true when argv[1] is the module (as node, tsx or npm run give it)', () => {
    expect(isEntryPoint(LOOKUP_URL, ['node', LOOKUP])).toBe(true);
  });

  it('false for an import: another script, no script, or a path that does not exist', () => {
    expect(isEntryPoint(LOOKUP_URL, ['node', fileURLToPath(import.meta.url)])).toBe(false);
    expect(isEntryPoint(LOOKUP_URL, ['node'])).toBe(false);
    expect(isEntryPoint(LOOKUP_URL, ['node', '/no/such/file.ts'])).toBe(false);
    // Under vitest, argv[1] is vitest itself.
    expect(isEntryPoint(LOOKUP_URL)).toBe(false);
  });
});
