const NUL = '\u0000';

/**
 * PostgreSQL text cannot hold NUL, so nothing stored contains one (the contract's `storedText`
 * refuses it on the way in): a lookup by a name with NUL has nothing to find.
 */
export const hasNul = (value: string | undefined): boolean => value?.includes(NUL) ?? false;
