import { z } from 'zod';

/**
 * An id a client sends: any UUID, lower-cased on the way in, as PostgreSQL returns them, so an
 * id compares equal however the client spelled it.
 */
export const idSchema = z.uuid().toLowerCase();
