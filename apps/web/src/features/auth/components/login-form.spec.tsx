import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  it('asks for both fields without calling the API', async () => {
    const endpoint = vi.fn(() => json(500, {}));
    vi.stubGlobal('fetch', fakeFetch({ 'POST /api/auth/login': endpoint }));
    renderWithApp(<LoginForm onSignedIn={() => undefined} />);

    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Enter your username');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('says the credentials are wrong without telling which part', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/auth/login': () =>
          json(401, {
            statusCode: 401,
            code: 'INVALID_CREDENTIALS',
            message: 'Invalid credentials',
          }),
      }),
    );
    renderWithApp(<LoginForm onSignedIn={() => undefined} />);

    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });
});
