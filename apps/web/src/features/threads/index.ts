// The threads feature's public face: what other features and the app may use.
export { threadLiveUpdates } from './api/thread-live-updates';
export { ThreadHeader } from './components/thread-header';
export { ThreadList } from './components/thread-list';
export { UnreadTitle } from './components/unread-title';
export { usePrivateThread } from './hooks/use-private-thread';
