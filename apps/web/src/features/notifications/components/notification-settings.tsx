import { useId, useState } from 'react';
import { setSoundOn, useSoundOn } from '../logic/notification-settings';
import { playChime } from '../logic/chime';
import './notifications.css';

const supported = () => typeof Notification !== 'undefined';

/**
 * The sidebar's notification settings: "Enable notifications" asks the browser's permission
 * (on this click, never on load), then says what was decided; "Sound" is off until turned on.
 */
export function NotificationSettings({ userId }: { userId: string }) {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    supported() ? Notification.permission : 'unsupported',
  );
  const sound = useSoundOn(userId);
  const soundId = useId();

  const enable = () => {
    void Notification.requestPermission().then(setPermission);
  };

  return (
    <section className="sidebar__section notification-settings" aria-labelledby={`${soundId}-h`}>
      <h2 id={`${soundId}-h`} className="sidebar__heading">
        Notifications
      </h2>
      {permission === 'default' ? (
        <button type="button" className="button--small" onClick={enable}>
          Enable notifications
        </button>
      ) : (
        <p className="muted notification-settings__state" role="status">
          {permission === 'granted'
            ? 'On for mentions and private messages while this tab is in the background.'
            : permission === 'denied'
              ? 'Blocked in this browser’s site settings.'
              : 'This browser cannot show notifications.'}
        </p>
      )}
      <label className="notification-settings__sound" htmlFor={soundId}>
        <input
          id={soundId}
          type="checkbox"
          checked={sound}
          onChange={(event) => {
            setSoundOn(userId, event.target.checked);
            // Turning it on plays it once: you hear what you chose (and audio is unlocked).
            if (event.target.checked) playChime();
          }}
        />{' '}
        Sound
      </label>
    </section>
  );
}
