import type { OwnProfile } from '@chat/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { ProfileForm } from './profile-form';

const profile: OwnProfile = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  username: 'ada',
  displayName: 'Ada',
  bio: 'Counting machines',
  avatarColor: '#2563eb',
  location: 'London',
  online: true,
  lastSeenAt: null,
  isDemo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  botOptOut: false,
  sampleProfile: false,
};

describe('ProfileForm', () => {
  it('asks for a display name in words and focuses it', async () => {
    const endpoint = vi.fn(() => json(500, {}));
    vi.stubGlobal('fetch', fakeFetch({ 'PATCH /api/users/me': endpoint }));
    renderWithApp(<ProfileForm profile={profile} onSaved={() => undefined} />);

    const name = screen.getByLabelText('Display name');
    await userEvent.clear(name);
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(name).toHaveAccessibleDescription('Enter a display name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('refuses a bio over 280 characters before calling the API', async () => {
    const endpoint = vi.fn(() => json(500, {}));
    vi.stubGlobal('fetch', fakeFetch({ 'PATCH /api/users/me': endpoint }));
    renderWithApp(<ProfileForm profile={profile} onSaved={() => undefined} />);

    const bio = screen.getByLabelText('Bio');
    await userEvent.clear(bio);
    await userEvent.click(bio);
    await userEvent.paste('x'.repeat(281));
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(bio).toHaveAttribute('aria-invalid', 'true');
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('shows the edit in the preview as you type and saves it', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'PATCH /api/users/me': (init) =>
          json(200, { ...profile, ...JSON.parse(String(init?.body)) }),
      }),
    );
    const onSaved = vi.fn();
    renderWithApp(<ProfileForm profile={profile} onSaved={onSaved} />);

    const name = screen.getByLabelText('Display name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Countess');
    await userEvent.click(screen.getByRole('radio', { name: 'Teal' }));
    expect(screen.getByRole('region', { name: 'Preview' })).toHaveTextContent('Countess');

    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith(
        expect.objectContaining({ displayName: 'Countess', avatarColor: '#0d9488' }),
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Profile saved.');
  });

  it('keeps the bot from posting as me when I opt out', async () => {
    const endpoint = vi.fn((init?: RequestInit) =>
      json(200, { ...profile, ...JSON.parse(String(init?.body)) }),
    );
    vi.stubGlobal('fetch', fakeFetch({ 'PATCH /api/users/me': endpoint }));
    const onSaved = vi.fn();
    renderWithApp(<ProfileForm profile={profile} onSaved={onSaved} />);

    const optOut = screen.getByRole('checkbox', { name: 'Never let the demo bot post as me' });
    expect(optOut).not.toBeChecked();
    await userEvent.click(optOut);
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(JSON.parse(String(endpoint.mock.calls[0]![0]?.body))).toMatchObject({
      botOptOut: true,
    });
  });

  it('shows field errors from the API', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'PATCH /api/users/me': () =>
          json(400, {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Invalid request',
            details: [{ path: 'location', message: 'is not a place we know' }],
          }),
      }),
    );
    renderWithApp(<ProfileForm profile={profile} onSaved={() => undefined} />);

    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('is not a place we know')).toBeInTheDocument();
    expect(screen.getByLabelText('Location')).toHaveAccessibleDescription('is not a place we know');
  });
});
