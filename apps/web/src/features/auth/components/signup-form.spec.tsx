import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { SignupForm } from './signup-form';

const signedIn = {
  user: {
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    username: 'ada',
    displayName: 'Ada',
    bio: '',
    avatarColor: '#2563eb',
    location: '',
    online: true,
    lastSeenAt: null,
    isDemo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  accessToken: 'token',
};

async function fillIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
}

describe('SignupForm', () => {
  it('says what is wrong once, in words, and moves focus to the first bad field', async () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    renderWithApp(<SignupForm onSignedIn={() => undefined} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign up' }));

    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveFocus());
    const described = username.getAttribute('aria-describedby') ?? '';
    const description = described
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' | ');
    expect(description).toBe('Use 3–32 characters: letters a–z, digits, “_”, “.” or “-”');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Use at least 8 characters',
    );
    expect(document.body).not.toHaveTextContent(/Too small|>=|expected string/);
  });

  it('shows the password on request', async () => {
    const user = userEvent.setup();
    renderWithApp(<SignupForm onSignedIn={() => undefined} />);
    const password = screen.getByLabelText('Password');
    await user.type(password, 'secret words');
    expect(password).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Show password' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'password');
  });

  it('shows field errors before calling the API when the input breaks the rules', async () => {
    const endpoint = vi.fn(() => json(500, {}));
    vi.stubGlobal('fetch', fakeFetch({ 'POST /api/auth/signup': endpoint }));
    renderWithApp(<SignupForm onSignedIn={() => undefined} />);

    await fillIn('A!', 'short');

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/at least 8 characters/);
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/3–32 characters/);
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('puts the API error details under the matching fields', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/auth/signup': () =>
          json(400, {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Invalid request',
            details: [{ path: 'displayName', message: 'must not be blank' }],
          }),
      }),
    );
    renderWithApp(<SignupForm onSignedIn={() => undefined} />);

    await fillIn('ada', 'long enough password');

    expect(await screen.findByText('must not be blank')).toBeInTheDocument();
    expect(screen.getByLabelText('Display name')).toHaveAccessibleDescription(/must not be blank/);
  });

  it('shows a taken username as a form error', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/auth/signup': () =>
          json(409, { statusCode: 409, code: 'CONFLICT', message: 'Username is already taken' }),
      }),
    );
    renderWithApp(<SignupForm onSignedIn={() => undefined} />);

    await fillIn('ada', 'long enough password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Username is already taken');
  });

  it('disables the button while submitting and reports success', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/auth/signup': () => new Promise<Response>((resolve) => (answer = resolve)),
      }),
    );
    const onSignedIn = vi.fn();
    renderWithApp(<SignupForm onSignedIn={onSignedIn} />);

    await fillIn('ada', 'long enough password');

    expect(screen.getByRole('button', { name: 'Creating account…' })).toBeDisabled();
    answer(json(201, signedIn));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Sign up' })).toBeEnabled();
  });
});
