// The profile feature's public face: what other features and the app may use.
export { ProfileForm } from './components/profile-form';
export { SampleProfileNotice } from './components/sample-profile-notice';
