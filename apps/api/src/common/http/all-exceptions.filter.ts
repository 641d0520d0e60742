import type { ApiErrorBody, ErrorCode } from '@chat/contracts';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error.js';
import { isInternal, reportInternal } from '../errors/internal-error.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** The one place REST errors are shaped: `{statusCode, code, message, details?}`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception, request);
    if (response.headersSent) return;
    const retryAfterMs =
      body.details && 'retryAfterMs' in body.details ? body.details.retryAfterMs : null;
    // Retry-After is in whole seconds; never 0, which would invite an immediate retry.
    if (retryAfterMs !== null)
      response.setHeader('Retry-After', Math.max(1, Math.ceil(retryAfterMs / 1000)));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
    if (exception instanceof AppError && !isInternal(exception)) {
      return {
        statusCode: exception.statusCode,
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      // Other 4xx (body-parser's 415 for an unsupported charset or content encoding) are still
      // the client's mistake: VALIDATION, never a 500.
      const code =
        CODE_BY_STATUS[statusCode] ??
        (statusCode > 400 && statusCode < 500 ? 'VALIDATION' : undefined);
      if (code) return { statusCode, code, message: this.messageOf(exception, request) };
    }
    // Body-parser failures (malformed JSON, too large) arrive as plain errors with a status.
    const status = (exception as { status?: number; type?: string } | null)?.status;
    if (status === 400) {
      return { statusCode: 400, code: 'VALIDATION', message: 'Malformed request body' };
    }
    if (status === 413) {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' };
    }
    const failure = reportInternal(this.logger, exception, 'Unhandled error');
    return {
      statusCode: failure.databaseUnavailable ? 503 : 500,
      code: 'INTERNAL',
      message: failure.message,
      errorId: failure.errorId,
    };
  }

  private messageOf(exception: HttpException, request: Request): string {
    if (exception.getStatus() === 404)
      return `No route ${request.method} ${request.originalUrl.split('?')[0]}`;
    return exception.message;
  }
}
