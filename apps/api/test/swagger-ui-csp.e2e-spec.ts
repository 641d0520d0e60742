import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  SWAGGER_UI_LOGO_STYLE,
  SWAGGER_UI_SPRITE_STYLE,
} from '../src/common/openapi/swagger-ui-csp.js';
import { useTestApp } from './support/use-test-app.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Swagger UI at /api/docs', () => {
  const app = useTestApp();

  it.each(['/api/docs', '/api/docs/'])(
    '%s has a Content-Security-Policy allowing exactly its own scripts and inline styles',
    async (url) => {
      const res = await app.http.get<string>(url);
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);

      const html = res.body;
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="/); // nothing inline

      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
      expect(styles.length).toBeGreaterThan(0);
      for (const hash of styles) expect(csp.get('style-src')).toContain(hash);

      const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!);
      expect(styleAttributes).toEqual([SWAGGER_UI_SPRITE_STYLE]);
      expect(csp.get('style-src-attr')).toEqual([
        "'unsafe-hashes'",
        sha256(SWAGGER_UI_SPRITE_STYLE),
      ]);
    },
  );

  it('allows the style its logo renders, which is in the Swagger UI script it serves', async () => {
    const preset = await app.http.get<string>('/api/docs/swagger-ui-standalone-preset.js');
    expect(preset.status).toBe(200);
    expect(preset.body).toContain(`createElement("style",null,"${SWAGGER_UI_LOGO_STYLE}")`);
    const csp = directives(
      (await app.http.get('/api/docs')).headers.get('content-security-policy'),
    );
    expect(csp.get('style-src')).toContain(sha256(SWAGGER_UI_LOGO_STYLE));
  });

  it('leaves the rest of the API under the strict policy', async () => {
    const res = await app.http.get('/api/health');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')?.some((source) => source.startsWith("'sha256-"))).toBe(false);
  });
});
