// The health feature's public face: what other features and the app may use.
export { ServerStatus } from './components/server-status';
