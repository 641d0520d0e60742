import { LIMITS, USERNAME_RULE, signupBodySchema } from '@chat/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormAlert } from '../../../components/form-alert';
import { PasswordField, TextField } from '../../../components/text-field';
import { resolveBody, useApiForm } from '../../../lib/forms';
import { useSignup } from '../api/sign-in';

type SignupValues = { username: string; password: string; displayName: string };

// The display name is optional: left blank, it is left out of the body.
const toBody = ({ displayName, ...rest }: SignupValues) => ({
  ...rest,
  ...(displayName.trim() ? { displayName } : {}),
});
const resolver = resolveBody(toBody, zodResolver(signupBodySchema));

export function SignupForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signup = useSignup();
  const { field, submit, formError } = useApiForm({
    defaultValues: { username: '', password: '', displayName: '' },
    resolver,
    send: async (body) => {
      await signup.mutateAsync(body);
      onSignedIn();
    },
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign up">
      <FormAlert message={formError} />
      <TextField
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        {...field('username')}
        hint={USERNAME_RULE}
      />
      <PasswordField
        label="Password"
        autoComplete="new-password"
        {...field('password')}
        hint={`Use at least ${LIMITS.passwordMin} characters`}
      />
      <TextField
        label="Display name"
        autoComplete="nickname"
        maxLength={LIMITS.displayNameMax}
        {...field('displayName')}
        hint="Optional: how others see you"
      />
      <button type="submit" className="button--primary" disabled={signup.isPending}>
        {signup.isPending ? 'Creating account…' : 'Sign up'}
      </button>
    </form>
  );
}
