// The threads feature's public face: what other features and the app may use.
export { threadLiveUpdates } from './api/thread-live-updates';
export { findThread, useThreads } from './api/threads';
export { ThreadHeader } from './components/thread-header';
export { ThreadList } from './components/thread-list';
export { usePrivateThread } from './hooks/use-private-thread';
