// The realtime module's public face.
export { RealtimeModule } from './realtime.module.js';
export { ChatIoAdapter } from './chat-io.adapter.js';
export { ShutdownDrain } from './shutdown-drain.js';
