// The games module's public face: other modules import only from here.
export { GamesModule } from './games.module.js';
export { GamesService, type GameStart } from './games.service.js';
