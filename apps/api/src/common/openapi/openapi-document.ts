import type { ErrorCode } from '@chat/contracts';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
} from '@nestjs/swagger';
import { accessLevelOf, type AccessLevel } from '../access/access.decorators.js';
import { API_CONTRACT, type ContractMetadata } from './api-contract.decorator.js';
import { errorResponses } from './error-responses.js';
import { componentSchemas } from './json-schema.js';

export const BEARER = 'bearer';
export const REFRESH_COOKIE = 'refreshCookie';

// The repository has no licence file yet: this says so instead of inventing one. Change it here
// when the owners choose one (an SPDX identifier such as `MIT`).
const LICENSE = {
  name: 'Proprietary: no licence has been granted yet',
  identifier: 'LicenseRef-Proprietary',
};

const DESCRIPTION = `The REST side of the chat: accounts, profiles, rooms, threads and message history. Live traffic
(sending, new messages, presence) goes over Socket.IO; see the repository's docs/.

**Signing in.** \`POST /api/auth/signup\` or \`/login\` answers an access token (send it as
\`Authorization: Bearer <token>\`, valid 15 minutes) and sets the \`rt\` refresh cookie (httpOnly, path
\`/api/auth\`). When a call answers 401 \`TOKEN_EXPIRED\`, \`POST /api/auth/refresh\` with the cookie for a
new token. Guests (\`POST /api/auth/guest\`) get a 24-hour token for general only.

**Errors.** Every error is \`{statusCode, code, message, details?}\` (\`ApiError\`); \`code\` is stable,
\`details\` lists failed fields. Each operation lists its codes per status.

**History.** Messages carry a per-conversation \`seq\`; page back with \`before=<oldest seq>\` and forward
with \`after=<newest seq>\` while \`hasMore\` is true.`;

const TAGS: Array<[string, string]> = [
  ['auth', 'Sign-up, sign-in, guests and the `rt` refresh cookie'],
  ['users', 'Profiles and the user directory'],
  ['rooms', 'General and the public rooms'],
  ['threads', 'Private 1:1 threads'],
  ['conversations', 'History and read markers of any conversation'],
  ['operations', 'Health of the process and what it depends on'],
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const ACCESS: Record<AccessLevel, string> = {
  'no-token': 'No access token (the `Authorization` header is not read).',
  public: 'Anyone; an access token, when sent, must be valid.',
  guest: 'Signed-up users and guests: an access token.',
  user: 'Signed-up users: an access token (a guest token is refused with 403).',
};

const UNDESCRIBED: ContractMetadata = {
  errors: [],
  hasBody: false,
  successStatuses: [],
  refreshCookie: {},
};

const operationIdOf = (controllerKey: string, methodKey: string) => `${controllerKey}_${methodKey}`;

/**
 * The OpenAPI 3.1 document of the app's controllers. Works on an app created in preview mode
 * (no database, nothing instantiated): that is how `write-openapi` makes it at build time, with
 * `strict` (a route without `@ApiContract` fails the build).
 * Security and the access-related errors come from the same metadata the AccessGuard reads.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  options: { strict?: boolean } = {},
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Chat API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    // Relative: the origin that serves this document (http://localhost:3000 with `pnpm start`).
    .addServer('/', 'The server this document comes from')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'The `accessToken` from sign-up, login, guest or refresh; it expires after 15 minutes (24 hours for guests).',
      },
      BEARER,
    )
    .addCookieAuth(
      'rt',
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'rt',
        description:
          'The refresh token: an httpOnly, SameSite=Strict cookie (Secure in production) with path `/api/auth`, set by sign-up and login, valid 30 days and rotated by every refresh; a reused one revokes the whole sign-in.',
      },
      REFRESH_COOKIE,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  config.info.license = LICENSE;
  delete config.info.contact; // empty: the builder always adds one

  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: operationIdOf,
  });
  document.components = { ...document.components, schemas: componentSchemas() };

  const handlers = contractsByOperationId(app);
  const undescribed: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const found = operation.operationId ? handlers.get(operation.operationId) : undefined;
      if (!found?.contract) undescribed.push(`${method.toUpperCase()} ${path}`);
      completeOperation(operation, found?.level ?? 'user', found?.contract ?? UNDESCRIBED);
    }
  }
  if (undescribed.length > 0) {
    const problem = `Describe these routes with @ApiContract(...): ${undescribed.join(', ')}`;
    // The build fails on it; a running server only warns, and serves what it knows.
    if (options.strict) throw new Error(problem);
    new Logger('OpenAPI').warn(problem);
  }
  return document;
}

/** Security, the errors of the access level and inputs, and the access line of the description. */
function completeOperation(
  operation: OperationObject,
  level: AccessLevel,
  contract: ContractMetadata,
): void {
  const reads = contract.refreshCookie.reads;
  const cookie = { [REFRESH_COOKIE]: [] };
  const bearer = { [BEARER]: [] };
  operation.security =
    level === 'no-token'
      ? reads === 'required'
        ? [cookie]
        : reads === 'optional'
          ? [{}, cookie]
          : []
      : level === 'public'
        ? [{}, bearer]
        : [bearer];

  // A malformed JSON body is a 400 on any route, so every operation can answer VALIDATION.
  const codes = new Set<ErrorCode>(['VALIDATION', ...contract.errors]);
  if (contract.hasBody) codes.add('PAYLOAD_TOO_LARGE');
  if (level !== 'no-token') codes.add('UNAUTHORIZED').add('TOKEN_EXPIRED');
  if (level === 'user') codes.add('FORBIDDEN');
  if (reads === 'required') codes.add('UNAUTHORIZED');

  const errors = errorResponses(codes, { unavailable: !contract.successStatuses.includes(503) });
  for (const status of Object.keys(errors)) {
    if (operation.responses[status]) {
      throw new Error(`${operation.operationId}: ${status} is both a success and an error`);
    }
  }
  operation.responses = Object.fromEntries(
    Object.entries({ ...operation.responses, ...errors }).sort(([a], [b]) => Number(a) - Number(b)),
  );

  const cookieLine = reads
    ? ` The \`rt\` refresh cookie is ${reads === 'required' ? 'required' : 'read when present'}.`
    : '';
  const access = `**Access:** ${ACCESS[level]}${cookieLine}`;
  operation.description = operation.description ? `${operation.description}\n\n${access}` : access;
}

interface FoundHandler {
  level: AccessLevel;
  contract: ContractMetadata | undefined;
}

/** Every controller method of the app, by the operationId the document gives it. */
function contractsByOperationId(app: INestApplication): Map<string, FoundHandler> {
  const reflector = new Reflector();
  const found = new Map<string, FoundHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        found.set(operationIdOf(controller.name, name), {
          level: accessLevelOf(reflector, [handler, controller]),
          contract: reflector.get<ContractMetadata | undefined>(API_CONTRACT, handler),
        });
      }
    }
  }
  return found;
}
