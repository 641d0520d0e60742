export function OnlineDot({ online }: { online: boolean }) {
  return (
    <span
      className={`online-dot${online ? ' online-dot--on' : ''}`}
      role="img"
      aria-label={online ? 'online' : 'offline'}
    />
  );
}
