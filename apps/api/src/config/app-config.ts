import { Inject } from '@nestjs/common';
import type { Env } from './env.schema.js';

/** The resolved configuration every module reads: the validated env plus start-up facts. */
export interface AppConfig extends Env {
  /** The database in use: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  jwtSecret: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectConfig = () => Inject(APP_CONFIG);
