import type { OwnProfile } from '@chat/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { SampleProfileNotice } from './sample-profile-notice';

const profile: OwnProfile = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  username: 'ada',
  displayName: 'Ada',
  bio: 'Runs on tea and curiosity.',
  avatarColor: '#2563eb',
  location: 'Tallinn',
  online: true,
  lastSeenAt: null,
  isDemo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  botOptOut: false,
  sampleProfile: true,
};

describe('SampleProfileNotice', () => {
  it('tells the owner of a new account once that the profile is a sample, with a link to edit it', async () => {
    const seen = vi.fn((init?: RequestInit) =>
      json(200, { ...profile, sampleProfile: false, body: init?.body }),
    );
    vi.stubGlobal('fetch', fakeFetch({ 'PATCH /api/users/me': seen }));
    const onSeen = vi.fn();
    renderWithApp(<SampleProfileNotice profile={profile} onSeen={onSeen} />);

    expect(screen.getByRole('status')).toHaveTextContent('We filled in a sample profile — edit it');
    expect(screen.getByRole('link', { name: 'edit it' })).toHaveAttribute('href', '/me');
    await waitFor(() => expect(onSeen).toHaveBeenCalled());
    expect(JSON.parse(String(seen.mock.calls[0]![0]?.body))).toEqual({ sampleProfileSeen: true });

    // Told once, the notice stays for this visit until dismissed.
    expect(screen.getByRole('status')).toHaveTextContent('We filled in a sample profile');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says nothing about a profile its owner has been told about', () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    renderWithApp(
      <SampleProfileNotice
        profile={{ ...profile, sampleProfile: false }}
        onSeen={() => undefined}
      />,
    );
    expect(screen.queryByRole('status')).toBeNull();
  });
});
