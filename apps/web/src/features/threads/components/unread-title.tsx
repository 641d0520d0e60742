import { useUnreadTitle } from '../hooks/use-unread-title';

/** Keeps the tab title's unread count; its own component so the layout does not re-render. */
export function UnreadTitle({ enabled }: { enabled: boolean }) {
  useUnreadTitle(enabled);
  return null;
}
