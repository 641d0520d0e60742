import { InitialSchema1763769600000 } from './1763769600000-initial-schema.js';

/** Every migration, oldest first. */
export const migrations = [InitialSchema1763769600000];
