import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../lib/socket-context';

/** "Offline" or "Reconnecting…" while the live connection is down; nothing when it is up. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  // A first connect takes a moment; only say something if it drags on.
  const [patient, setPatient] = useState(true);
  useEffect(() => {
    if (status !== 'connecting') return;
    setPatient(true);
    const timer = setTimeout(() => setPatient(false), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  const text =
    status === 'offline'
      ? 'Offline — messages you send will go out when you are back online.'
      : status === 'reconnecting' || (status === 'connecting' && !patient)
        ? 'Reconnecting…'
        : null;
  return (
    <div className="connection-banner" role="status" aria-live="polite" hidden={text === null}>
      {text}
    </div>
  );
}
