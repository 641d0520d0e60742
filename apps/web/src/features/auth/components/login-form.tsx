import { loginBodySchema } from '@chat/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormAlert } from '../../../components/form-alert';
import { PasswordField, TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { useApiForm } from '../../../lib/forms';
import { useLogin } from '../api/sign-in';

// Login checks only that both are there; the rules are the sign-up's business.
const resolver = zodResolver(loginBodySchema);

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const { field, submit, formError } = useApiForm({
    defaultValues: { username: '', password: '' },
    resolver,
    send: async (body) => {
      await login.mutateAsync(body);
      onSignedIn();
    },
    explain: (error, form) => {
      if (!isApiError(error, 'INVALID_CREDENTIALS')) return false;
      form.setError('root', { type: 'server', message: 'Wrong username or password.' });
      return true;
    },
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Log in">
      <FormAlert message={formError} />
      <TextField
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        {...field('username')}
      />
      <PasswordField label="Password" autoComplete="current-password" {...field('password')} />
      <button type="submit" className="button--primary" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
