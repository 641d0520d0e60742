import type { FormEvent } from 'react';
import {
  get,
  useForm,
  type FieldError,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type ResolverOptions,
  type ResolverResult,
  type UseFormReturn,
} from 'react-hook-form';
import { isApiError } from './api-client';

const UNEXPECTED = 'Something went wrong. Please try again.';

/**
 * Puts an API error's `details` ([{ path, message }]) under the fields they name; when none of
 * them is one of `fields`, the error's message goes on the whole form instead.
 */
export function showApiError<Values extends FieldValues>(
  form: Pick<UseFormReturn<Values>, 'setError'>,
  error: unknown,
  fields: readonly Path<Values>[],
): void {
  if (!isApiError(error)) {
    form.setError('root', { type: 'server', message: UNEXPECTED });
    return;
  }
  const byField = error.fieldErrors();
  const named = fields.filter((field) => byField[field]);
  named.forEach((field, index) =>
    form.setError(field, { type: 'server', message: byField[field] }, { shouldFocus: index === 0 }),
  );
  if (named.length === 0) form.setError('root', { type: 'server', message: error.message });
}

/**
 * What checks a form: a zodResolver over a contract schema. Only the body it yields is typed;
 * the values going in are whatever the fields hold, which is what the schema is there to check.
 */
export type BodyResolver<Body> = (
  values: never,
  context: never,
  options: never,
) => ResolverResult<FieldValues, Body> | Promise<ResolverResult<FieldValues, Body>>;

/**
 * A resolver that checks the request body made from the typed values, not the values
 * themselves: optional fields left blank are left out before the contract's schema sees them.
 */
export function resolveBody<Values extends FieldValues, Body>(
  toBody: (values: Values) => FieldValues,
  resolver: BodyResolver<Body>,
): BodyResolver<Body> {
  const check = resolver as unknown as Resolver<FieldValues, unknown, Body>;
  return (values: Values, context: unknown, options: ResolverOptions<FieldValues>) =>
    check(toBody(values), context, options);
}

type ApiFormOptions<Values extends FieldValues, Body> = {
  defaultValues: Values;
  /** Made once per form module, so the form checks exactly what the API will. */
  resolver: BodyResolver<Body>;
  /** Sends the checked body; a rejection is shown on the form. */
  send: (body: Body) => Promise<unknown>;
  /** Runs as each submit starts, before the check (to clear what the last one showed). */
  beforeSubmit?: () => void;
  /** Words an API error the form's own way; returns false to show it the usual way. */
  explain?: (error: unknown, form: UseFormReturn<Values, unknown, Body>) => boolean;
};

/**
 * A form checked by a contract schema and sent to the API: errors show on submit (and stay
 * until the next one), the API's field errors land under their fields and anything else becomes
 * `formError`. `field(name)` gives a TextField what it needs.
 */
export function useApiForm<Values extends FieldValues, Body>({
  defaultValues,
  resolver,
  send,
  beforeSubmit,
  explain,
}: ApiFormOptions<Values, Body>) {
  const form = useForm<Values, unknown, Body>({
    defaultValues: defaultValues as DefaultValues<Values>,
    resolver: resolver as unknown as Resolver<Values, unknown, Body>,
    reValidateMode: 'onSubmit',
    // The first field in error takes the focus, so a keyboard or screen reader user is there.
    shouldFocusError: true,
  });
  const fields = Object.keys(defaultValues) as Path<Values>[];
  const onValid = async (body: Body) => {
    try {
      await send(body);
    } catch (error) {
      if (!explain?.(error, form)) showApiError(form, error, fields);
    }
  };
  const submit = (event: FormEvent) => {
    beforeSubmit?.();
    void form.handleSubmit(onValid)(event);
  };
  /** A text field's props: registered with the form, with its error to show. */
  const field = (name: Path<Values>) => ({
    ...form.register(name),
    error: (get(form.formState.errors, name) as FieldError | undefined)?.message,
  });
  return { ...form, submit, field, formError: form.formState.errors.root?.message };
}
