// The users feature's public face: what other features and the app may use.
export { directoryLiveUpdates } from './api/directory-live-updates';
export { useUser } from './api/get-user';
export { listUsers } from './api/list-users';
export { OnlineDot } from './components/online-dot';
export { UserDirectory } from './components/user-directory';
