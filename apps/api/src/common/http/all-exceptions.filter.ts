import type { ApiErrorBody, ErrorCode } from '@chat/contracts';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error.js';

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
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.statusCode,
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const code = CODE_BY_STATUS[statusCode];
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
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'Unhandled error');
    return { statusCode: 500, code: 'INTERNAL', message: `Something went wrong (error id ${errorId})` };
  }

  private messageOf(exception: HttpException, request: Request): string {
    if (exception.getStatus() === 404) return `No route ${request.method} ${request.originalUrl.split("?")[0]}`;
    return exception.message;
  }
}
