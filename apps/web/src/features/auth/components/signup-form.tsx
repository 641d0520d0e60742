import { LIMITS, signupBodySchema, type SignupBody } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/text-field';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useSignup } from '../api/sign-in';

const FIELDS = ['username', 'password', 'displayName'] as const;

export function SignupForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signup = useSignup();
  const [values, setValues] = useState({ username: '', password: '', displayName: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const change = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const body: SignupBody = {
      username: values.username,
      password: values.password,
      ...(values.displayName.trim() ? { displayName: values.displayName } : {}),
    };
    const parsed = signupBodySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    signup.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => {
        const { fields, form } = apiFormErrors(error, FIELDS);
        setErrors(fields);
        setFormError(form);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign up">
      {formError ? (
        <p className="form__error" role="alert">
          {formError}
        </p>
      ) : null}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        value={values.username}
        onChange={change('username')}
        error={errors.username}
        hint="3–32 characters: a–z, 0–9, “_”, “.” or “-”"
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={change('password')}
        error={errors.password}
        hint={`At least ${LIMITS.passwordMin} characters`}
      />
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="nickname"
        value={values.displayName}
        maxLength={LIMITS.displayNameMax}
        onChange={change('displayName')}
        error={errors.displayName}
        hint="Optional: how others see you"
      />
      <button type="submit" className="button--primary" disabled={signup.isPending}>
        {signup.isPending ? 'Creating account…' : 'Sign up'}
      </button>
    </form>
  );
}
