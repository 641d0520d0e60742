import type { Presence } from '../logic/directory-order';

/** Online (filled), active lately (a demo user posting: half), or offline (an empty ring). */
export function OnlineDot({ online, presence }: { online: boolean; presence?: Presence }) {
  const state = presence ?? (online ? 'online' : 'offline');
  return (
    <span
      className={`online-dot${state === 'online' ? ' online-dot--on' : state === 'active' ? ' online-dot--active' : ''}`}
      role="img"
      aria-label={state === 'active' ? 'active' : state}
    />
  );
}
