/**
 * What some tests need from the operating system, beyond Node and `npm ci`: one list, read by the
 * run's set-up (test/support/services-setup.ts: install what is missing where it can, say what is
 * skipped) and by the test files (`service('redis-server').skip`). To add one, add a row here and
 * guard its tests with `describe.skipIf(service(name).skip)`.
 *
 * A missing service skips the tests that need it, with one line naming it and the command that
 * installs it; under CI (`CI` set) nothing is skipped, so a missing one fails its tests.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Service {
  /** What a person looks for: a command, or a package name for files. */
  readonly name: string;
  /** The Debian packages that bring it. */
  readonly packages: readonly string[];
  /** A command found on PATH, or files that must exist. */
  readonly find: { readonly command: string; readonly env?: string } | { readonly file: string };
  /** Who needs it, for the skip line. */
  readonly neededBy: string;
  /** Nothing is skipped without it (fonts only make screenshots readable). */
  readonly optional?: boolean;
}

export const SERVICES = [
  {
    name: 'redis-server',
    packages: ['redis-server'],
    find: { command: 'redis-server', env: 'REDIS_SERVER' },
    neededBy: 'the Redis and replica tests',
  },
  { name: 'chromium', packages: ['chromium'], find: { command: 'chromium' }, neededBy: 'the workbench browser tests' },
  { name: 'promtool', packages: ['prometheus'], find: { command: 'promtool' }, neededBy: 'the Prometheus exposition check' },
  {
    name: 'fonts-nanum',
    packages: ['fonts-nanum'],
    find: { file: '/usr/share/fonts/truetype/nanum' },
    neededBy: 'readable Korean in workbench screenshots',
    optional: true,
  },
  {
    name: 'fonts-noto-color-emoji',
    packages: ['fonts-noto-color-emoji'],
    find: { file: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf' },
    neededBy: 'emoji in workbench screenshots',
    optional: true,
  },
] as const satisfies readonly Service[];

export type ServiceName = (typeof SERVICES)[number]['name'];

type Env = Readonly<Record<string, string | undefined>>;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command's path on PATH, or undefined. */
export function onPath(command: string, env: Env = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** Where `service` is on this machine (its override variable first), or undefined when it is missing. */
export function locate(service: Service, env: Env = process.env): string | undefined {
  if ('file' in service.find) return existsSync(service.find.file) ? service.find.file : undefined;
  const override = service.find.env ? env[service.find.env] : undefined;
  if (override) return executable(override) ? override : undefined;
  return onPath(service.find.command, env);
}

/** The command that installs `service`, as the person should type it. */
export function installCommand(service: Service, root: boolean): string {
  return `${root ? '' : 'sudo '}apt-get install -y ${service.packages.join(' ')}`;
}

/** What the run's set-up knows about the machine. */
export interface Facts {
  readonly missing: readonly Service[];
  /** Root with apt-get on PATH, and installing not turned off (TEST_SERVICES_INSTALL=0). */
  readonly canInstall: boolean;
  readonly root: boolean;
  readonly ci: boolean;
}

/** The packages to install for what is missing, in list order, each once. */
export function packagesFor(facts: Facts): string[] {
  return facts.canInstall ? [...new Set(facts.missing.flatMap((s) => s.packages))] : [];
}

/** One line per service still missing after any install: skipped, failing under CI, or a note. */
export function missingLines(still: readonly Service[], facts: Pick<Facts, 'root' | 'ci'>): string[] {
  return still.map((s) => {
    const how = installCommand(s, facts.root);
    if (s.optional) return `note: ${s.name} not found, for ${s.neededBy} (${how})`;
    if (facts.ci) return `CI: ${s.name} is missing, so ${s.neededBy} will fail (${how})`;
    return `skipped: ${s.neededBy}, ${s.name} not found (install it: ${how})`;
  });
}

/** Whether tests needing `service` are skipped: missing and not under CI. Optional ones never skip. */
export function skips(service: Service, present: boolean, ci: boolean): boolean {
  return !present && !ci && !service.optional;
}

/** For a test file: where the service is (or its bare command, so a CI failure names it) and whether its tests are skipped. */
export function service(name: ServiceName, env: Env = process.env): { readonly path: string; readonly skip: boolean } {
  const s = SERVICES.find((x) => x.name === name)!;
  const path = locate(s, env);
  const fallback = 'file' in s.find ? s.find.file : s.find.command;
  return { path: path ?? fallback, skip: skips(s, path !== undefined, Boolean(env.CI)) };
}
