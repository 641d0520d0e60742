// The bot module's public face.
export { BotModule } from './bot.module.js';
export { BotLeadership } from './bot-leadership.js';
