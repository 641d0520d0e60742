import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../lib/query-client';

/** Renders UI inside the app's providers at the given path, with a fresh query cache. */
export function renderWithApp(ui: ReactElement, { path = '/' } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AppProviders queryClient={queryClient} withSocket={false}>
        {ui}
      </AppProviders>
    </MemoryRouter>,
  );
  return { ...result, queryClient };
}

/** A `fetch` stand-in answering by "METHOD /path"; the handler gets the URL for its query. */
export function fakeFetch(
  routes: Record<string, (init: RequestInit | undefined, url: URL) => Response | Promise<Response>>,
) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const handler = routes[key];
    if (!handler)
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: `No fake for ${key}` });
    return handler(init, url);
  };
}

export function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}
