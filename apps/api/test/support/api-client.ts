import createClient from 'openapi-fetch';
import type { paths } from './api-schema.generated.js';

/**
 * A client typed by the OpenAPI document the API serves: `api-schema.generated.ts` is made from
 * dist/openapi.json by `pnpm --filter @chat/api openapi:types`, and `pnpm lint` fails when it is
 * stale. `token` is sent as the bearer token, `cookie` as the Cookie header (the `rt` cookie).
 */
export function createApiClient(baseUrl: string, auth: { token?: string; cookie?: string } = {}) {
  return createClient<paths>({
    baseUrl,
    headers: {
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
    },
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
