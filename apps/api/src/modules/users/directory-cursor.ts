import { AppError } from '../../common/errors/app-error.js';

/** Position in the directory order: online first (rank 0), then by name, then by id. */
export interface DirectoryCursor {
  rank: 0 | 1;
  name: string;
  id: string;
}

export function encodeCursor(cursor: DirectoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.name, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): DirectoryCursor {
  try {
    const [rank, name, id] = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as unknown[];
    const uuid = /^[0-9a-f-]{36}$/i;
    // Names come from the database, which cannot hold NUL: a cursor with one was made up.
    const validName = typeof name === 'string' && !name.includes('\u0000');
    if ((rank === 0 || rank === 1) && validName && typeof id === 'string' && uuid.test(id)) {
      return { rank, name, id };
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'Invalid cursor', [
    { path: 'cursor', message: 'not a cursor from this API' },
  ]);
}
