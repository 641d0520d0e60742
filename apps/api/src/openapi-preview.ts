import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument } from './common/openapi/openapi-document.js';
import type { AppConfig } from './config/app-config.js';
import { loadConfig } from './config/load-config.js';
import { API_PREFIX } from './http-setup.js';

/**
 * The document `/api/docs-json` serves, made from the modules' metadata alone: the app is built
 * in Nest's preview mode, where no provider is instantiated, so no database, Redis or port is
 * needed. The configuration only has to pass validation; nothing reads it.
 */
export async function previewOpenApiDocument(
  options: { strict?: boolean } = {},
): Promise<OpenAPIObject> {
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'silent', BOT_ENABLED: 'false' }),
    databaseUrl: 'postgres://unused',
    jwtSecret: 'unused',
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return buildOpenApiDocument(app, options);
  } finally {
    await app.close();
  }
}
