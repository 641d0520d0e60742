import { envSchema, type Env } from './env.schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates the environment once, at boot. A bad value stops start-up with a message that
 * names each offending variable.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid environment configuration:\n${problems.join('\n')}`);
}
