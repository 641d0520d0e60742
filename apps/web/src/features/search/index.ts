// The search feature's public face: what other features and the app may use.
export { SearchLauncher } from './components/search-launcher';
