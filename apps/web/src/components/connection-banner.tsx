import { useConnectionStatus } from '../lib/socket-context';

/** "Offline" or "Reconnecting…" while the live connection is down; nothing when it is up. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const text =
    status === 'offline'
      ? 'Offline — messages you send will go out when you are back online.'
      : status === 'reconnecting'
        ? 'Reconnecting…'
        : null;
  return (
    <div className="connection-banner" role="status" aria-live="polite" hidden={text === null}>
      {text}
    </div>
  );
}
