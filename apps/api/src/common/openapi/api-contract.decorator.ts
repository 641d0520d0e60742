import type { ErrorCode } from '@chat/contracts';
import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { ZodObject, ZodType } from 'zod';
import { toOpenApiSchema } from './json-schema.js';
import { PARAMETER_DOCS } from './parameters.js';

/** How an endpoint uses the `rt` refresh cookie (httpOnly, path /api/auth). */
export interface RefreshCookieUse {
  /** Reads it: `required` answers 401 without it, `optional` does without. */
  reads?: 'required' | 'optional';
  /** Sets (or rotates) it on success. */
  sets?: boolean;
  /** Clears it on success. */
  clears?: boolean;
}

export interface ContractOptions {
  summary: string;
  description?: string;
  /** Path parameters (all required), validated by the same schema in `@Param`. */
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  bodyExample?: unknown;
  /** The success response; omitted for 204. */
  response?: ZodType;
  example?: unknown;
  /** The success status (default 200, or 204 without a response). */
  status?: number;
  /** Other success statuses with the same body: what each means. */
  alsoAnswers?: Record<number, { description: string; example?: unknown }>;
  /**
   * Codes the handler itself may answer. The document adds the rest from the route: VALIDATION
   * (any input, even a malformed JSON body), PAYLOAD_TOO_LARGE (a body), UNAUTHORIZED,
   * TOKEN_EXPIRED and FORBIDDEN (its access level) and INTERNAL.
   */
  errors?: ErrorCode[];
  refreshCookie?: RefreshCookieUse;
}

/** What `buildOpenApiDocument` reads back from a handler to add errors and security. */
export interface ContractMetadata {
  errors: ErrorCode[];
  hasBody: boolean;
  successStatuses: number[];
  refreshCookie: RefreshCookieUse;
}
export const API_CONTRACT = 'chat:api-contract';

const SUCCESS_TITLES: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

const REFRESH_COOKIE_SET =
  '`rt=<refresh token>; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=2592000` (plus `Secure` in production): the refresh token for `POST /api/auth/refresh`, rotated on every refresh';
const REFRESH_COOKIE_CLEARED =
  '`rt=; Path=/api/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT`: clears the refresh cookie';

/**
 * Documents an endpoint in OpenAPI from the same zod schemas that validate it, so the docs at
 * /api/docs cannot drift from the contract.
 */
export function ApiContract(options: ContractOptions): MethodDecorator {
  const status = options.status ?? (options.response ? 200 : 204);
  const cookie = options.refreshCookie ?? {};
  const headers = cookie.sets
    ? { 'Set-Cookie': { description: REFRESH_COOKIE_SET, schema: { type: 'string' } } }
    : cookie.clears
      ? { 'Set-Cookie': { description: REFRESH_COOKIE_CLEARED, schema: { type: 'string' } } }
      : undefined;
  const success = (code: number, description: string, example: unknown) =>
    ApiResponse({
      status: code,
      description,
      ...(headers ? { headers } : {}),
      ...(options.response ? { schema: toOpenApiSchema(options.response, 'output') } : {}),
      ...(options.response && example !== undefined
        ? {
            examples: {
              [SUCCESS_TITLES[code] ?? String(code)]: { summary: description, value: example },
            },
          }
        : {}),
    });

  const decorators = [
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    HttpCode(status),
    success(status, SUCCESS_TITLES[status] ?? 'Success', options.example),
    ...Object.entries(options.alsoAnswers ?? {}).map(([code, other]) =>
      success(Number(code), other.description, other.example),
    ),
    ...parameters('path', options.params),
    ...parameters('query', options.query),
  ];
  if (options.body) {
    decorators.push(
      ApiBody({
        required: !options.body.safeParse(undefined).success,
        schema: toOpenApiSchema(options.body, 'input'),
        ...(options.bodyExample !== undefined
          ? { examples: { example: { summary: 'Example', value: options.bodyExample } } }
          : {}),
      }),
    );
  }
  decorators.push(
    SetMetadata(API_CONTRACT, {
      errors: options.errors ?? [],
      hasBody: Boolean(options.body),
      successStatuses: [status, ...Object.keys(options.alsoAnswers ?? {}).map(Number)],
      refreshCookie: cookie,
    } satisfies ContractMetadata),
  );
  return applyDecorators(...decorators);
}

function parameters(where: 'path' | 'query', schema: ZodObject | undefined): MethodDecorator[] {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => {
    // A schema's own `.describe()` wins: one name can mean different things on two paths
    // (`id` of a conversation or of a message).
    const own = (field as ZodType).description;
    const docs = own ? { description: own } : PARAMETER_DOCS[name];
    if (!docs) throw new Error(`Describe the ${where} parameter "${name}" in PARAMETER_DOCS`);
    const common = {
      name,
      schema: toOpenApiSchema(field as ZodType, 'input'),
      description: docs.description,
      ...(docs.example !== undefined ? { example: docs.example } : {}),
    };
    return where === 'path'
      ? ApiParam({ ...common, required: true })
      : ApiQuery({ ...common, required: !(field as ZodType).safeParse(undefined).success });
  });
}
