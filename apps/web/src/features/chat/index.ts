// The chat feature's public face: what other features and the app may use.
export { ChatRuntime } from './api/chat-runtime';
export { ChatRuntimeContext } from './api/chat-runtime-context';
export { ConversationView } from './components/conversation-view';
export { localOutboxStore } from './logic/outbox-store';
export { listMentionables, type FindMentionables, type Mentionable } from './logic/mention-query';
