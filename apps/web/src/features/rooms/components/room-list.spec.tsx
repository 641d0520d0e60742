import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../../../test/render';
import { RoomList } from './room-list';

const noRooms = { 'GET /api/rooms': () => json(200, { items: [], nextCursor: null }) };

describe('RoomList', () => {
  it('invites only someone who can create a room to start the first one', async () => {
    vi.stubGlobal('fetch', fakeFetch(noRooms));
    renderWithApp(<RoomList canCreate={false} />);
    expect(await screen.findByText('No rooms yet.')).toBeInTheDocument();
    expect(screen.queryByText(/Start the first one/)).not.toBeInTheDocument();
  });

  it('asks a signed-in person to start the first room', async () => {
    vi.stubGlobal('fetch', fakeFetch(noRooms));
    renderWithApp(<RoomList canCreate />);
    expect(await screen.findByText('No rooms yet. Start the first one!')).toBeInTheDocument();
  });
});
