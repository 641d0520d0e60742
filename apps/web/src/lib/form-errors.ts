import { isApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** Issues from a zod `safeParse`, keyed by their first path segment (the form field). */
export function zodFieldErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Field errors from an API error's details, plus a form-level message when none apply. */
export function apiFormErrors(
  error: unknown,
  fields: readonly string[],
): { fields: FieldErrors; form?: string } {
  if (!isApiError(error)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  const byField = error.fieldErrors();
  const known: FieldErrors = {};
  for (const field of fields) if (byField[field]) known[field] = byField[field];
  const hasFieldErrors = Object.keys(known).length > 0;
  return { fields: known, form: hasFieldErrors ? undefined : error.message };
}
