import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '@chat/contracts';
import type { ResponseObject } from '@nestjs/swagger';
import { STATUS_BY_CODE } from '../errors/app-error.js';

interface ErrorDoc {
  /** When a client gets this code. */
  meaning: string;
  example: ApiErrorBody;
}

const error = (code: ErrorCode, message: string, details?: ApiErrorBody['details']) => ({
  statusCode: STATUS_BY_CODE[code],
  code,
  message,
  ...(details ? { details } : {}),
});

const ERRORS: Record<ErrorCode, ErrorDoc> = {
  VALIDATION: {
    meaning:
      'The input does not match the contract, or the JSON is malformed; `details` names each field',
    example: error(
      'VALIDATION',
      'Invalid body: username: 3–32 characters: a–z, 0–9, "_", "." or "-"',
      [{ path: 'username', message: '3–32 characters: a–z, 0–9, "_", "." or "-"' }],
    ),
  },
  UNAUTHORIZED: {
    meaning:
      'No valid credentials: no token where one is needed, a malformed `Authorization` header, a bad token, or (refresh) a missing, expired or reused `rt` cookie',
    example: error('UNAUTHORIZED', 'Sign in first'),
  },
  TOKEN_EXPIRED: {
    meaning: 'The access token expired: get a new one from `POST /api/auth/refresh` and retry',
    example: error('TOKEN_EXPIRED', 'Access token expired; refresh it'),
  },
  INVALID_CREDENTIALS: {
    meaning: 'Wrong username or password (an unknown username answers the same)',
    example: error('INVALID_CREDENTIALS', 'Wrong username or password'),
  },
  FORBIDDEN: {
    meaning:
      'Signed in but not allowed: a guest token on a route for signed-up users, or a room the caller has not joined',
    example: error('FORBIDDEN', 'Join the room first'),
  },
  NOT_FOUND: {
    meaning: 'No such resource; a thread the caller is not part of is not found either',
    example: error('NOT_FOUND', 'Room not found'),
  },
  CONFLICT: {
    meaning: 'The username is taken',
    example: error('CONFLICT', 'That username is taken', [
      { path: 'username', message: 'already taken' },
    ]),
  },
  SLUG_TAKEN: {
    meaning: 'A room with the same slug exists',
    example: error('SLUG_TAKEN', 'A room called "book-club" already exists', [
      { path: 'name', message: 'a room with this name already exists' },
    ]),
  },
  RATE_LIMITED: {
    meaning:
      'Over a limit (docs/security.md lists them); `details.retryAfterMs` and the `Retry-After` header (seconds) say when to try again',
    example: error('RATE_LIMITED', 'Too many attempts; wait a minute and try again', {
      retryAfterMs: 42_000,
    }),
  },
  PAYLOAD_TOO_LARGE: {
    meaning: 'The JSON body is larger than 64 KB',
    example: error('PAYLOAD_TOO_LARGE', 'Request body too large'),
  },
  INTERNAL: {
    meaning: 'An unexpected failure; the message carries an error id to find it in the logs',
    example: error(
      'INTERNAL',
      'Something went wrong (error id 0b6f3c1e-5d2a-4f8e-9a7b-3c4d5e6f7a8b)',
    ),
  },
};

const UNAVAILABLE: ErrorDoc = {
  meaning: 'The database cannot be reached; nothing was saved: retry shortly',
  example: {
    statusCode: 503,
    code: 'INTERNAL',
    message:
      'The database is unavailable right now; nothing was saved. Try again shortly. (error id 0b6f3c1e-5d2a-4f8e-9a7b-3c4d5e6f7a8b)',
  },
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * The error responses for a set of codes, one per status: the `ApiError` schema narrowed to
 * that status and its codes, what each code means, and an example of each. Every operation also
 * documents 500 and 503 (unless `503` is taken, as by the health check).
 */
export function errorResponses(
  codes: Iterable<ErrorCode>,
  options: { unavailable: boolean },
): Record<string, ResponseObject> {
  const byStatus = new Map<number, Array<[string, ErrorDoc]>>();
  const wanted = new Set<ErrorCode>([...codes, 'INTERNAL']);
  // In the contract's order, so documents stay stable however the codes were gathered.
  for (const code of ERROR_CODES.filter((c) => wanted.has(c))) {
    const status = STATUS_BY_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), [code, ERRORS[code]]]);
  }
  if (options.unavailable) byStatus.set(503, [['INTERNAL', UNAVAILABLE]]);

  return Object.fromEntries(
    [...byStatus].map(([status, docs]) => [String(status), errorResponse(status, docs)]),
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function errorResponse(status: number, docs: Array<[string, ErrorDoc]>): ResponseObject {
  const codes = docs.map(([code]) => code);
  return {
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds until the call would be accepted',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        }
      : {}),
    description: [
      `${TITLES[status] ?? 'Error'}.`,
      ...docs.map(([code, doc]) => `\`${code}\`: ${lowerFirst(doc.meaning)}.`),
    ].join(' '),
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/ApiError' },
            {
              type: 'object',
              properties: {
                statusCode: { type: 'integer', enum: [status] },
                code: { type: 'string', enum: codes },
              },
              required: ['statusCode', 'code'],
            },
          ],
        },
        examples: Object.fromEntries(
          docs.map(([code, doc]) => [code, { summary: code, value: doc.example }]),
        ),
      },
    },
  };
}
