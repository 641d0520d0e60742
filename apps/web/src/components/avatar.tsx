/** A coloured circle with the name's first letter; decorative, the name is always shown beside it. */
export function Avatar({
  name,
  color,
  size = 'medium',
}: {
  name: string;
  color?: string;
  size?: 'small' | 'medium';
}) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ background: color ?? 'var(--text-muted)' }}
      aria-hidden="true"
    >
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
    </span>
  );
}
