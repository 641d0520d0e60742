import type { ApiErrorBody } from '@chat/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from 'helmet';
import { OriginPolicy } from './common/http/origin-policy.js';
import { isHashedAsset, sendSpaAsset, spaAssets } from './common/http/spa-static.js';
import { buildOpenApiDocument } from './common/openapi/openapi-document.js';
import { SWAGGER_UI_CSP_DIRECTIVES } from './common/openapi/swagger-ui-csp.js';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api';
/** Swagger UI; the document itself is at `/api/docs-json` (and `-yaml`). */
const DOCS_PATH = `${API_PREFIX}/docs`;

/** Everything HTTP that sits in front of the controllers, in the order requests meet it. */
export function setupHttp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');

  // No upgrade-insecure-requests: served over plain HTTP on a LAN address, it would break the SPA.
  const strict = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  // Swagger UI has a policy of its own: its inline styles by hash, nothing else inline.
  const docs = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: SWAGGER_UI_CSP_DIRECTIVES },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith(`/${DOCS_PATH}`) ? docs : strict)(req, res, next),
  );
  // The page's own origin (on whatever host and port it was opened) and CORS_ORIGINS.
  const origins = new OriginPolicy(config);
  app.enableCors((request: Request, callback: (error: Error | null, options: object) => void) => {
    const origin = request.headers.origin;
    const allowed = origin !== undefined && origins.allows(origin, request.headers);
    callback(null, { origin: allowed ? origin : false, credentials: true });
  });
  app.use(cookieParser());
  app.use(express.json({ limit: '64kb' }));
  app.use(bodyParserErrors);

  setupOpenApi(app);
  serveSpa(app, config);
}

/** Malformed or oversized JSON is the caller's mistake: a 400/413 in the contract's shape. */
function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = (error as { status?: number } | null)?.status;
  if (status !== 400 && status !== 413) return next(error);
  const body: ApiErrorBody =
    status === 413
      ? { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' }
      : { statusCode: 400, code: 'VALIDATION', message: 'Malformed JSON in request body' };
  res.status(status).json(body);
}

function setupOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), {
    // No badge that sends the document's address to validator.swagger.io (the CSP refuses it).
    swaggerOptions: { validatorUrl: null },
  });
}

/**
 * The built SPA at `/`, with every other non-API GET answered by index.html (client routing).
 * Files go out precompressed and cached as `spa-static.ts` says.
 */
function serveSpa(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.WEB_DIST_DIR ?? join(import.meta.dirname, '../../web/dist');
  if (!existsSync(join(dist, 'index.html'))) return;
  const assets = spaAssets(dist);
  const index = assets.get('/index.html')!;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (!isRead || isApi || req.path.startsWith('/socket.io')) return next();
    const asset = assets.get(req.path);
    if (asset) return sendSpaAsset(req, res, next, asset, isHashedAsset(req.path));
    // A missing hashed file is a stale page asking for an old build: a 404, not index.html.
    if (isHashedAsset(req.path)) return next();
    sendSpaAsset(req, res, next, index, false);
  });
}
