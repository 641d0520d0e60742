import { useEffect, useState, type RefObject } from 'react';

/**
 * The ids of the list's rows now on screen (rows carry `data-id`), updated as the list scrolls
 * or changes. Without IntersectionObserver (old browsers, jsdom) every row counts as shown.
 */
export function useVisibleIds(
  list: RefObject<HTMLElement | null>,
  ids: readonly string[],
): string[] {
  const [visible, setVisible] = useState<string[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    const root = list.current;
    if (!root) return;
    const rows = [...root.querySelectorAll<HTMLElement>('[data-id]')];
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(rows.map((row) => row.dataset.id!));
      return;
    }
    const shown = new Set<string>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.id!;
        if (entry.isIntersecting) shown.add(id);
        else shown.delete(id);
      }
      setVisible([...shown]);
    });
    rows.forEach((row) => observer.observe(row));
    return () => observer.disconnect();
  }, [list, key]);
  return visible;
}
