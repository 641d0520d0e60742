// The notifications feature's public face: browser notifications, the tab title's count, mute.
export { BrowserNotifications } from './components/browser-notifications';
export { MuteToggle } from './components/mute-toggle';
export { NotificationSettings } from './components/notification-settings';
export { UnreadTitle } from './components/unread-title';
