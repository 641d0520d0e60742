import { createHash } from 'node:crypto';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The `<style>` Swagger UI's standalone preset renders inside its logo (swagger-ui-dist 5). */
export const SWAGGER_UI_LOGO_STYLE =
  '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
/** The one `style="…"` attribute of the page: the hidden SVG icon sprite. */
export const SWAGGER_UI_SPRITE_STYLE = 'position:absolute;width:0;height:0';

/** Inline `<style>` elements Swagger UI needs, by hash. */
export const SWAGGER_UI_STYLE_HASHES = [
  // The layout block of @nestjs/swagger's page template.
  "'sha256-/jDKvbQ8cdux+c5epDIqkjHbXDaIY8RucT1PmAe8FG4='",
  // Its block that hides the explorer bar (`.swagger-ui .topbar .download-url-wrapper`).
  "'sha256-eaPyLWVdqMc60xuz5bTp2yBRgVpQSoUggte1+40ONPU='",
  sha256(SWAGGER_UI_LOGO_STYLE),
];

/**
 * The Content-Security-Policy of Swagger UI at /api/docs: exactly what its page needs. It boots
 * from files (swagger-ui-bundle.js, swagger-ui-init.js, all same-origin), so no inline script is
 * allowed at all; its inline styles are allowed by hash; images are its own or `data:` (icons in
 * its CSS); "Try it out" may call this origin only. Directives in helmet's form (`useDefaults: false`:
 * helmet adds nothing). test/swagger-ui-csp.e2e-spec.ts checks the hashes against what is served.
 */
export const SWAGGER_UI_CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", ...SWAGGER_UI_STYLE_HASHES],
  // Style attributes written in the page's HTML (those set from script are not inline styles).
  'style-src-attr': ["'unsafe-hashes'", sha256(SWAGGER_UI_SPRITE_STYLE)],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'object-src': ["'none'"],
};
