import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, renderWithApp } from '../test/render';
import { AppRoutes } from './routes';

describe('app shell', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'GET /api/health': () =>
          json(200, { status: 'ok', details: { database: { status: 'up' } } }),
      }),
    );
  });

  it('shows the server status from /api/health', async () => {
    renderWithApp(<AppRoutes />);
    expect(await screen.findByText('Server: ok')).toBeInTheDocument();
  });

  it('shows "down" when the health check answers 503', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'GET /api/health': () =>
          json(503, { status: 'error', details: { database: { status: 'down' } } }),
      }),
    );
    renderWithApp(<AppRoutes />);
    expect(await screen.findByText('Server: down')).toBeInTheDocument();
  });

  it('routes unknown paths to a not-found page', async () => {
    renderWithApp(<AppRoutes />, { path: '/nowhere' });
    // Every page but the lobby is loaded on first use.
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
