// The threads feature's public face: what other features and the app may use.
export { threadLiveUpdates } from './api/thread-live-updates';
export { findThread, useThreads } from './api/threads';
export { ThreadHeader } from './components/thread-header';
export { ThreadList } from './components/thread-list';
export { usePrivateThread } from './hooks/use-private-thread';
export { useGroup, useGroupRead, useGroupRemoval } from './api/threads';
export { GroupHeader } from './components/group-header';
export { NewGroupDialog } from './components/new-group-dialog';
export { groupTitle } from './logic/group-title';
