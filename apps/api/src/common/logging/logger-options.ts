import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config.js';

/** pino structured logs; each request gets an id (the caller's `x-request-id` when sent). */
export function loggerOptions(config: AppConfig): Params {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // Health probes would drown everything else.
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
    },
  };
}
