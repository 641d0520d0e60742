import { randomBytes } from 'node:crypto';

/** The JWT secret of the apps a test file starts, new for every run; tests sign tokens with it. */
export const TEST_JWT_SECRET = randomBytes(32).toString('base64url');
