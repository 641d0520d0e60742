import type { PresenceUser } from '@chat/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { listen } from '../../../lib/live-updates';
import { useSocket } from '../../../lib/socket-context';

// A typing hint that is not refreshed fades: the "stopped" event may never arrive.
const TYPING_TTL_MS = 6_000;

/** Who else is typing in this conversation right now. */
export function useTypingUsers(conversationId: string, myId: string | undefined): PresenceUser[] {
  const socket = useSocket();
  const [typing, setTyping] = useState<Map<string, { user: PresenceUser; until: number }>>(
    new Map(),
  );

  // Views are keyed by conversation, so a new conversation starts with a fresh map.
  useEffect(() => {
    if (!socket) return;
    // Typing hints are this view's own state, not cached data: they fade and are never refetched.
    const stop = listen(socket, [
      {
        typing: ({ conversationId: id, user, isTyping }) => {
          if (id !== conversationId || user.id === myId) return;
          setTyping((current) => {
            const next = new Map(current);
            if (isTyping) next.set(user.id, { user, until: Date.now() + TYPING_TTL_MS });
            else next.delete(user.id);
            return next;
          });
        },
        // A message from someone means they stopped typing it.
        'message:new': ({ conversationId: id, sender }) => {
          if (id !== conversationId) return;
          setTyping((current) => {
            if (!current.has(sender.id)) return current;
            const next = new Map(current);
            next.delete(sender.id);
            return next;
          });
        },
      },
    ]);
    const sweep = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const alive = [...current].filter(([, entry]) => entry.until > now);
        return alive.length === current.size ? current : new Map(alive);
      });
    }, 1_000);
    return () => {
      stop();
      clearInterval(sweep);
    };
  }, [socket, conversationId, myId]);

  return [...typing.values()].map((entry) => entry.user);
}

/** Sends "typing" at most every few seconds while keys are pressed, and "stopped" after a pause. */
export function useTypingSignal(onTyping: (isTyping: boolean) => void) {
  const lastSent = useRef(0);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callback = useRef(onTyping);
  useLayoutEffect(() => {
    callback.current = onTyping;
  });

  useEffect(() => () => clearTimeout(stopTimer.current), []);

  const stop = () => {
    clearTimeout(stopTimer.current);
    if (lastSent.current !== 0) callback.current(false);
    lastSent.current = 0;
  };
  const keystroke = () => {
    const now = Date.now();
    if (now - lastSent.current > 3_000) {
      lastSent.current = now;
      callback.current(true);
    }
    clearTimeout(stopTimer.current);
    stopTimer.current = setTimeout(stop, 4_000);
  };
  return { keystroke, stop };
}
