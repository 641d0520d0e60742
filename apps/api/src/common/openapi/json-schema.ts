import {
  apiErrorSchema,
  authResponseSchema,
  conversationListSchema,
  conversationSchema,
  errorCodeSchema,
  fieldErrorSchema,
  guestResponseSchema,
  guestSchema,
  healthSchema,
  membershipSchema,
  messagePageSchema,
  messageSchema,
  messageSenderSchema,
  ownProfileSchema,
  publicUserSchema,
  refreshResponseSchema,
  roomDetailsSchema,
  roomMemberSchema,
  threadListSchema,
  threadSchema,
  userPageSchema,
} from '@chat/contracts';
import { z, type ZodType } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Response shapes of the contract that the document names under `components.schemas`, so a
 * generated client gets `Message`, `PublicUser`… instead of one anonymous copy per route.
 * Request bodies and parameters stay inline: their input shape (defaults, coercion) differs.
 */
const NAMED_SCHEMAS: Record<string, ZodType> = {
  ApiError: apiErrorSchema,
  ErrorCode: errorCodeSchema,
  FieldError: fieldErrorSchema,
  AuthResponse: authResponseSchema,
  Guest: guestSchema,
  GuestResponse: guestResponseSchema,
  RefreshResponse: refreshResponseSchema,
  PublicUser: publicUserSchema,
  OwnProfile: ownProfileSchema,
  UserPage: userPageSchema,
  Conversation: conversationSchema,
  ConversationList: conversationListSchema,
  RoomMember: roomMemberSchema,
  RoomDetails: roomDetailsSchema,
  Membership: membershipSchema,
  Thread: threadSchema,
  ThreadList: threadListSchema,
  MessageSender: messageSenderSchema,
  Message: messageSchema,
  MessagePage: messagePageSchema,
  Health: healthSchema,
};

const named = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) named.add(schema, { id });

const componentRef = (id: string) => `#/components/schemas/${id}`;

// OpenAPI 3.1 schemas are JSON Schema 2020-12; `$schema`/`$id` only make noise inside a document.
const tidy = ({ $schema: _schema, $id: _id, ...rest }: JsonSchema): JsonSchema => rest;

/** Every named schema, for `components.schemas`. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(named, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: componentRef,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, tidy(schema)]));
}

/**
 * The OpenAPI schema of a zod schema: `input` for what a client sends (defaults optional,
 * coerced strings), `output` for what it gets back, where named shapes become `$ref`s.
 */
export function toOpenApiSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  if (io === 'output') {
    const id = named.get(schema)?.id;
    if (id) return { $ref: componentRef(id) };
  }
  const { $defs, ...json } = tidy(
    z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      // Inputs never refer to the (output-shaped) components.
      metadata: io === 'output' ? named : z.registry(),
    }) as JsonSchema,
  );
  // Named shapes nested in this one were extracted as `$defs`; they live in components.
  return $defs ? pointDefsAtComponents(json) : json;
}

function pointDefsAtComponents(json: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(json, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
        ? componentRef(value.slice('#/$defs/'.length))
        : value,
    ),
  ) as JsonSchema;
}
