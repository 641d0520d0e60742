import { useId, useState, type ComponentProps, type ReactNode } from 'react';

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

type FieldShellProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * Label, hint and error around one control, wired up for screen readers. An error takes the
 * hint's place, so the same rule is never read out twice.
 */
function FieldShell({ label, error, hint, id, children }: FieldShellProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const showHint = hint && !error;
  const describedBy = error ? errorId : showHint ? hintId : '';
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {showHint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// ComponentProps includes `ref`, so a form library can register the control itself.
type Labelled = { label: string; error?: string; hint?: ReactNode };

export function TextField({
  label,
  error,
  hint,
  id,
  ...input
}: Labelled & ComponentProps<'input'>) {
  return (
    <FieldShell label={label} error={error} hint={hint} id={id}>
      {(control) => <input {...input} {...control} />}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  id,
  ...textarea
}: Labelled & ComponentProps<'textarea'>) {
  return (
    <FieldShell label={label} error={error} hint={hint} id={id}>
      {(control) => <textarea rows={3} {...textarea} {...control} />}
    </FieldShell>
  );
}

/** A password input with a "Show password" toggle beside it. */
export function PasswordField({
  label,
  error,
  hint,
  id,
  ...input
}: Labelled & Omit<ComponentProps<'input'>, 'type'>) {
  const [shown, setShown] = useState(false);
  return (
    <FieldShell label={label} error={error} hint={hint} id={id}>
      {(control) => (
        <span className="field__password">
          <input {...input} {...control} type={shown ? 'text' : 'password'} />
          <button
            type="button"
            className="field__reveal"
            aria-pressed={shown}
            aria-controls={control.id}
            onClick={() => setShown((value) => !value)}
          >
            Show password
          </button>
        </span>
      )}
    </FieldShell>
  );
}
