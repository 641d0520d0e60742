import { describe, expect, it } from '@jest/globals';
import { previewOpenApiDocument } from '../src/openapi-preview.js';
import { useTestApp } from './support/use-test-app.js';

interface Operation {
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; example?: unknown }>;
  responses: Record<string, any>;
}

describe('the OpenAPI document', () => {
  const app = useTestApp();

  it('is the same whether served by the running app or made at build time without a database', async () => {
    const served = await app.http.get('/api/docs-json');
    expect(served.status).toBe(200);
    expect(served.body.openapi).toBe('3.1.0');
    expect(served.body).toEqual(await previewOpenApiDocument({ strict: true }));
  });

  it('says which routes need credentials: each refuses a call without them with a documented code', async () => {
    const { body: doc } = await app.http.get('/api/docs-json');
    const guarded: string[] = [];
    for (const [template, item] of Object.entries<Record<string, Operation>>(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const anonymous =
          operation.security.length === 0 ||
          operation.security.some((requirement) => Object.keys(requirement).length === 0);
        if (anonymous) continue;
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
          String(operation.parameters!.find((p) => p.in === 'path' && p.name === name)!.example),
        );
        const res = await app.http.request<{ code?: string }>(method.toUpperCase(), path);
        const documented: string[] =
          operation.responses['401']?.content['application/json'].schema.allOf[1].properties.code
            .enum ?? [];
        expect({ route: `${method} ${path}`, status: res.status, code: res.body?.code }).toEqual({
          route: `${method} ${path}`,
          status: 401,
          code: documented.find((code) => code === res.body?.code) ?? `one of ${documented}`,
        });
        guarded.push(operation.operationId);
      }
    }
    expect(guarded).toEqual(
      expect.arrayContaining([
        'UsersController_me',
        'RoomsController_create',
        'AuthController_refresh',
      ]),
    );
  });
});
