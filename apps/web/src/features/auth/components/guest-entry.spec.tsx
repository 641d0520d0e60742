import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { GuestEntry } from './guest-entry';

describe('GuestEntry', () => {
  it("shows a refused nickname (a member's name) on the Nickname field, focused", async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/auth/guest': () =>
          json(409, {
            statusCode: 409,
            code: 'CONFLICT',
            message: 'That name belongs to a member',
            details: [
              { path: 'nickname', message: 'A member uses this name: pick another nickname' },
            ],
          }),
      }),
    );
    renderWithApp(<GuestEntry />);

    await userEvent.type(screen.getByLabelText('Nickname'), 'Grace Hopper');
    await userEvent.click(screen.getByRole('button', { name: 'Continue as guest' }));

    const field = screen.getByLabelText('Nickname');
    expect(await screen.findByText(/A member uses this name/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('A member uses this name: pick another nickname');
    expect(field).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
