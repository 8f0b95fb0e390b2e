/**
 * Reading the environment: an empty variable counts as unset, and every problem is collected and
 * reported at once (`ConfigError.problems`), so an operator fixes a deployment in one pass.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown by the loaders; `problems` lists every issue found, one sentence each. */
export class ConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee docs/configuration.md.`);
    this.name = 'ConfigError';
  }
}

/** Reads variables, collecting problems instead of throwing at the first. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** Trimmed value, or undefined when unset or empty. */
  str(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.problems.push(`${name}="${v}" is not one of: ${allowed.join(', ')}.`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return Number(v);
  }

  url(name: string): string | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
    } catch {
      // reported below
    }
    this.problems.push(`${name}="${v}" must be an http:// or https:// URL.`);
    return undefined;
  }

  /** Throw one ConfigError if anything was reported. */
  check(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
