/** What a configuration loader refused: the problems of the one ConfigError it must throw. */
import { expect } from 'vitest';
import { ConfigError, type Env } from '../../src/config/env.js';

export function configProblems(load: (env: Env) => unknown, env: Env): readonly string[] {
  try {
    load(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}
