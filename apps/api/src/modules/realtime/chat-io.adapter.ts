import { LIMITS } from '@chat/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config.js';

/**
 * Socket.IO server options for the whole app: payload cap, CORS, and the Origin check.
 * A frame over the cap closes only the socket that sent it.
 */
export class ChatIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.config.CORS_ORIGINS);
    const serverOptions: Partial<ServerOptions> = {
      ...options,
      maxHttpBufferSize: LIMITS.socketPayloadBytes,
      cors: { origin: this.config.CORS_ORIGINS, credentials: true },
      // Browsers always send Origin; tools and servers (no Origin) are not a CSRF risk.
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || allowed.has(origin));
      },
    };
    return super.createIOServer(port, serverOptions as ServerOptions) as Server;
  }
}
