import { AppError } from '../../common/errors/app-error.js';

const NUL = '\u0000';

/** PostgreSQL text cannot hold NUL, so no stored name or profile field contains one. */
export const hasNul = (value: string | undefined): boolean => value?.includes(NUL) ?? false;

/** Refuses NUL in fields about to be stored: 400 VALIDATION on that field instead of a 500. */
export function refuseNulCharacters(
  where: string,
  fields: Record<string, string | undefined>,
): void {
  for (const [path, value] of Object.entries(fields)) {
    if (hasNul(value)) {
      throw new AppError(
        'VALIDATION',
        `Invalid ${where}: ${path}: must not contain NUL characters`,
        [{ path, message: 'must not contain NUL characters' }],
      );
    }
  }
}
