import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useHealth } from '../api/get-health';

/** A small "Server: ok / down" indicator in the header; "Offline" while the browser is. */
export function ServerStatus() {
  const health = useHealth();
  const online = useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
  );
  const state = !online
    ? 'offline'
    : health.isPending
      ? 'checking'
      : health.data?.status === 'ok'
        ? 'ok'
        : 'down';
  return (
    <span className={`server-status server-status--${state}`} role="status">
      <span className="server-status__dot" aria-hidden="true" />
      <span className="server-status__label">
        Server:{' '}
        {state === 'checking' ? 'checking…' : state === 'offline' ? 'unreachable (offline)' : state}
      </span>
    </span>
  );
}
