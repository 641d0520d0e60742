import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { setupHttp } from './http-setup.js';
import { ChatIoAdapter } from './modules/realtime/index.js';

/** Builds the whole application (not yet listening). main.ts and the tests both start here. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    // Our own JSON parser answers malformed bodies in the contract's error shape.
    bodyParser: false,
    // Shutdown must not wait for idle keep-alive connections.
    forceCloseConnections: true,
  });
  app.useLogger(app.get(Logger));
  setupHttp(app, config);
  app.useWebSocketAdapter(new ChatIoAdapter(app, config));
  return app;
}
