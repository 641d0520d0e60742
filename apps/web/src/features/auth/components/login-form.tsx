import { loginBodySchema } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/sign-in';

const FIELDS = ['username', 'password'] as const;

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const [values, setValues] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const change = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const parsed = loginBodySchema.safeParse(values);
    if (!parsed.success) {
      setErrors(
        zodFieldErrors(parsed.error.issues.map((issue) => ({ ...issue, message: 'Required' }))),
      );
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (isApiError(error, 'INVALID_CREDENTIALS')) {
          setFormError('Wrong username or password.');
          return;
        }
        const { fields, form } = apiFormErrors(error, FIELDS);
        setErrors(fields);
        setFormError(form);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Log in">
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
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={change('password')}
        error={errors.password}
      />
      <button type="submit" className="button--primary" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
