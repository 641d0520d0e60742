// The threads feature's public face: what other features and the app may use.
export { threadLiveUpdates } from './api/thread-live-updates';
export { ThreadList } from './components/thread-list';
export { UnreadTitle } from './components/unread-title';
