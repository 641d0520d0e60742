import { z } from 'zod';

/** With the `u` flag a surrogate only matches when it is not half of a pair. */
export const UNPAIRED_SURROGATE = /[\ud800-\udfff]/u;

/**
 * A string that will be stored. PostgreSQL text cannot hold NUL, and text with an unpaired
 * surrogate (which JSON allows) cannot be stored as sent: both are refused as VALIDATION rather
 * than failing, or being silently altered, in the database.
 */
export const storedText = () =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .refine(
      (value) => !UNPAIRED_SURROGATE.test(value),
      'must be well-formed Unicode text (no unpaired surrogate)',
    );

/** The message for a text over its limit, the same in every schema (API and forms). */
export const atMost = (max: number) => `Keep it to ${max} characters or fewer`;
