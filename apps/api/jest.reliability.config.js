/**
 * The reliability suite (`pnpm test:reliability`): fuzzing, reconnect storms, a PostgreSQL outage
 * and a slow consumer. Same ESM + swc setup as jest.config.js, which does not match these files.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
  testTimeout: 180_000,
};
