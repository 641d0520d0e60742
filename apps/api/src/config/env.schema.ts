import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** JWT_SECRET, and the generated DATA_DIR/jwt-secret file that stands in for it. */
export const jwtSecretSchema = z.string().min(32, 'must be at least 32 characters');

/** Every environment variable the API reads. `.env.example` lists the same keys. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    JWT_SECRET: jwtSecretSchema.optional(),
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:3000,http://localhost:5173')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    TRUST_PROXY: booleanFromString.default(false),
    // Lifetime of a user's access token (and so of a socket that does not re-authenticate).
    ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(10).max(86_400).default(900),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    WEB_DIST_DIR: z.string().min(1).optional(),
    RATE_LIMIT_USER_SENDS_PER_10S: positiveInt.default(20),
    RATE_LIMIT_GUEST_SENDS_PER_10S: positiveInt.default(5),
    RATE_LIMIT_AUTH_PER_MIN: positiveInt.default(10),
    RATE_LIMIT_ROOM_CREATES_PER_HOUR: positiveInt.default(10),
    RATE_LIMIT_ROOM_JOINS_PER_MIN: positiveInt.default(30),
    RATE_LIMIT_JOINED_LINES_PER_HOUR: positiveInt.default(1),
    RATE_LIMIT_PROFILE_EDITS_PER_MIN: positiveInt.default(10),
    RATE_LIMIT_CONVERSATION_JOINS_PER_10S: positiveInt.default(30),
    RATE_LIMIT_TYPING_PER_SEC: positiveInt.default(1),
    RATE_LIMIT_REACTIONS_PER_10S: positiveInt.default(30),
    RATE_LIMIT_PRESENCE_WATCHES_PER_10S: positiveInt.default(20),
    RATE_LIMIT_MESSAGE_CHANGES_PER_MIN: positiveInt.default(30),
    RATE_LIMIT_GAME_STARTS_PER_MIN: positiveInt.default(10),
    RATE_LIMIT_GAME_MOVES_PER_MIN: positiveInt.default(60),
    RATE_LIMIT_MODERATION_PER_MIN: positiveInt.default(30),
    RATE_LIMIT_GROUP_CREATES_PER_HOUR: positiveInt.default(10),
    RATE_LIMIT_SEARCH_PER_MIN: positiveInt.default(30),
    RATE_LIMIT_UPLOADS_PER_HOUR: positiveInt.default(20),
    UPLOAD_BYTES_PER_DAY: positiveInt.default(200 * 1024 * 1024),
    /** One upload's size limit; a bigger file is refused with 413 and nothing kept. */
    UPLOAD_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),
    /** Images with more pixels are refused before decoding (decompression bombs). */
    UPLOAD_MAX_IMAGE_PIXELS: positiveInt.default(50_000_000),
    /** An upload no message uses within this long is deleted, row and file. */
    UPLOAD_ORPHAN_TTL_S: positiveInt.default(86_400),
    /** How often the clean-up of orphaned and discarded uploads runs. */
    UPLOAD_CLEANUP_INTERVAL_MS: positiveInt.default(600_000),
    /** Lifetime of the signature in `Attachment.url` (the contract: at most an hour). */
    ATTACHMENT_URL_TTL_S: z.coerce.number().int().min(10).max(3600).default(3600),
    /** Set to store uploads in an S3-compatible bucket instead of DATA_DIR/uploads. */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style addressing (`endpoint/bucket/key`), which most self-hosted servers need. */
    S3_FORCE_PATH_STYLE: booleanFromString.default(true),
    LIMIT_SOCKETS_PER_ADDRESS: positiveInt.default(50),
    LIMIT_SOCKETS_PER_USER: positiveInt.default(20),
    PRESENCE_TTL_MS: positiveInt.default(15_000),
    /** How often coalesced `presence:changed` frames go out (the contract: at most 1 s). */
    PRESENCE_FLUSH_MS: positiveInt.max(1000).default(1000),
    /** On SIGTERM, sockets are told to reconnect spread over this long, with jitter. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    /** The pace of an AI-vs-AI game: one move about this often (the contract: about 700 ms). */
    GAME_AI_MOVE_MS: z.coerce.number().int().min(50).max(60_000).default(700),
    BOT_ENABLED: booleanFromString.default(true),
    BOT_INTERVAL_MS: positiveInt.default(4000),
    BOT_SEED_USERS: z.coerce.number().int().min(0).max(1000).default(8),
    // Whom the bot speaks as: its demo users, or any user who is offline and has not opted out.
    BOT_AUTHORS: z.enum(['demo', 'everyone']).default('demo'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.JWT_SECRET !== undefined, {
    message: 'is required in production',
    path: ['JWT_SECRET'],
  });

export type Env = z.infer<typeof envSchema>;
