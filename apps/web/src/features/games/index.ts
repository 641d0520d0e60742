// The games feature's public face: tic-tac-toe in a conversation.
export { GameMessage } from './components/game-board';
export { GameMenu } from './components/game-menu';
