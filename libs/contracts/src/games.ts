import { z } from 'zod';
import { idSchema } from './ids.js';
import { messageIdSchema } from './messages.js';
import { BOARD_CELLS } from './tic-tac-toe.js';

/**
 * Who sits in a seat when a game starts: the starter (`me`), the server's perfect player
 * (`ai`), or whoever else in the conversation moves first for it (`open`).
 */
export const seatChoiceSchema = z.enum(['me', 'ai', 'open']);
export type SeatChoice = z.infer<typeof seatChoiceSchema>;

/** A cell of the board: 0 is the top left, 8 the bottom right, row by row. */
export const gameCellSchema = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be a cell from 0 to 8')
  .max(BOARD_CELLS - 1, 'must be a cell from 0 to 8');

const seats = {
  x: seatChoiceSchema.describe('Who plays X (X moves first)'),
  o: seatChoiceSchema.describe('Who plays O'),
  /** Optional: a retried start with the same id answers the game already started. */
  clientMsgId: z
    .uuid()
    .toLowerCase()
    .optional()
    .describe('Makes a retried start idempotent, as for a send'),
};

/** POST /api/conversations/:id/games. */
export const startGameBodySchema = z.object(seats).strict();
export type StartGameBody = z.infer<typeof startGameBodySchema>;

/** POST /api/messages/:id/moves. */
export const gameMoveBodySchema = z.object({ cell: gameCellSchema }).strict();
export type GameMoveBody = z.infer<typeof gameMoveBodySchema>;

/** `game:start`: a new game message in the conversation. */
export const gameStartPayloadSchema = z.object({ conversationId: idSchema, ...seats });
export type GameStartPayload = z.infer<typeof gameStartPayloadSchema>;

/** `game:move`: the caller's mark on `cell` of the game in message `messageId`. */
export const gameMovePayloadSchema = z.object({ messageId: messageIdSchema, cell: gameCellSchema });
export type GameMovePayload = z.infer<typeof gameMovePayloadSchema>;
