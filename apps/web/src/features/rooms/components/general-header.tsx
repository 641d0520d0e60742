import type { ReactNode } from 'react';

/** The lobby's header: general's name and topic, and whatever the page puts beside them. */
export function GeneralHeader({ topic, children }: { topic?: string; children?: ReactNode }) {
  return (
    <header className="conversation__header">
      <div>
        <h1># general</h1>
        {topic ? <p className="muted conversation__topic">{topic}</p> : null}
      </div>
      {children}
    </header>
  );
}
