import { useEffect, useState } from 'react';
import { SearchDialog } from './search-dialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search button, and Ctrl+K (⌘K on a Mac) from anywhere, to open the search box. */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        className="search-launcher"
        aria-label="Search messages"
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {/* Drawn, not an emoji: a machine without an emoji font would show a box. */}
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none">
          <circle cx="6.5" cy="6.5" r="5" stroke="currentColor" strokeWidth="2" />
          <path d="M10.5 10.5 15 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="search-launcher__text" aria-hidden="true">
          Search
        </span>
        <kbd className="search-launcher__keys" aria-hidden="true">
          {isMac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
      {open ? <SearchDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
