/**
 * What each build compiles, as TypeScript itself resolves the configs (`tsc --showConfig`): the
 * production build (`npm start`, the workbench) is src/ only; the benchmark builds itself from
 * test/bench/ into build/bench/, and `npm run bench` runs that build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function resolved(project: string): { files: string[]; compilerOptions: { outDir: string } } {
  return JSON.parse(execFileSync(process.execPath, [TSC, '--showConfig', '-p', project], { cwd: ROOT, encoding: 'utf8' }));
}

describe('builds', () => {
  it('the production build compiles src/ only', () => {
    const { files, compilerOptions } = resolved('tsconfig.build.json');
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !f.startsWith('./src/'))).toEqual([]);
    expect(compilerOptions.outDir).toBe('./build');
  });

  it('the benchmark builds its own files into its own directory, and npm run bench runs them', () => {
    const { files, compilerOptions } = resolved('test/bench/tsconfig.json');
    // Paths are relative to test/bench/, where the config is.
    expect(files).toContain('./run.ts');
    expect(files.filter((f) => !/^\.\/[\w-]+\.ts$/.test(f) || f.endsWith('.test.ts'))).toEqual([]);
    expect(compilerOptions.outDir).toBe('../../build/bench');
    const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.bench).toBe('tsc -p test/bench/tsconfig.json && node build/bench/test/bench/run.js');
  });
});
