import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  isStoredString,
  isUuid,
} from '../../common/http/keyset-cursor.js';

/**
 * Position in the directory order: online first (rank 0), then active lately (1: demo users who
 * posted within the last minutes), then everyone else (2); by name, then by id.
 */
export interface DirectoryCursor {
  rank: 0 | 1 | 2;
  name: string;
  id: string;
}

export function encodeCursor(cursor: DirectoryCursor): string {
  return encodeKeysetCursor([cursor.rank, cursor.name, cursor.id]);
}

export function decodeCursor(value: string): DirectoryCursor {
  return decodeKeysetCursor(value, ([rank, name, id]) =>
    (rank === 0 || rank === 1 || rank === 2) && isStoredString(name) && isUuid(id)
      ? { rank, name, id }
      : null,
  );
}
