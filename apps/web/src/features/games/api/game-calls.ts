import type { Ack, GameMovePayload, GameStartPayload, Message } from '@chat/contracts';
import type { ChatSocket } from '../../../lib/socket';

const ACK_TIMEOUT_MS = 10_000;

/** The server's answer, or an Error with its message (shown next to the board). */
function answer(ack: Ack<Message>): Message {
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

export async function startGame(socket: ChatSocket, payload: GameStartPayload): Promise<Message> {
  return answer(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('game:start', payload));
}

export async function moveInGame(socket: ChatSocket, payload: GameMovePayload): Promise<Message> {
  return answer(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('game:move', payload));
}
