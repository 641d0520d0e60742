import { useHealth } from '../api/get-health';

/** A small "Server: ok / down" indicator in the header. */
export function ServerStatus() {
  const health = useHealth();
  const state = health.isPending ? 'checking' : health.data?.status === 'ok' ? 'ok' : 'down';
  return (
    <span className={`server-status server-status--${state}`} role="status">
      <span className="server-status__dot" aria-hidden="true" />
      Server: {state === 'checking' ? 'checking…' : state}
    </span>
  );
}
