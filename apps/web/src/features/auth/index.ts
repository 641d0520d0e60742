// The auth feature's public face: what other features and the app may use.
export { setOwnProfile, useSession, type Session } from './api/session';
export { AccountMenu } from './components/account-menu';
export { GuestEntry } from './components/guest-entry';
export { LoginForm } from './components/login-form';
export { SignupForm } from './components/signup-form';
export { useSessionExpiry } from './hooks/use-session-expiry';
