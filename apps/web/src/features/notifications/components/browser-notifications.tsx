import type { Message } from '@chat/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isMuted } from '../../../lib/conversation-mute';
import { listen } from '../../../lib/live-updates';
import { useSocket } from '../../../lib/socket-context';
import { lookUpConversation } from '../api/conversation-lookup';
import { playChime } from '../logic/chime';
import { decideNotification, type Arrival } from '../logic/notify-decision';
import { soundOn } from '../logic/notification-settings';

// A mention in a thread arrives twice (`message:new` and `mention:new`): one notification.
const REMEMBERED = 200;

/**
 * Shows a browser notification for a mention or a private message while the tab is hidden, if
 * the person allowed them (see NotificationSettings). A click brings the tab forward and opens
 * the conversation; coming back to the tab closes what is still shown.
 */
export function BrowserNotifications({ userId }: { userId: string | undefined }) {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (!socket || !userId || typeof Notification === 'undefined') return;
    const shown = new Map<string, Notification>();
    const seen: string[] = [];
    const arrive = (arrival: Arrival, message: Message) => {
      if (Notification.permission !== 'granted' || seen.includes(message.id)) return;
      const conversation = lookUpConversation(queryClient, message.conversationId, userId);
      const decision = decideNotification({
        arrival,
        message,
        kind: conversation?.kind,
        conversationName: conversation?.name,
        myId: userId,
        hidden: document.visibilityState === 'hidden',
        muted: isMuted(userId, message.conversationId),
      });
      if (!decision.notify) return;
      seen.push(message.id);
      if (seen.length > REMEMBERED) seen.shift();
      const notification = new Notification(decision.title, {
        body: decision.body,
        tag: decision.tag,
      });
      shown.get(decision.tag)?.close();
      shown.set(decision.tag, notification);
      notification.onclick = () => {
        window.focus();
        if (conversation) void navigate(conversation.path);
        notification.close();
      };
      notification.onclose = () => {
        if (shown.get(decision.tag) === notification) shown.delete(decision.tag);
      };
      if (soundOn(userId)) playChime();
    };
    const stop = listen(socket, [
      {
        'message:new': (message) => arrive('message', message),
        'mention:new': ({ message }) => arrive('mention', message),
      },
    ]);
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      for (const notification of shown.values()) notification.close();
      shown.clear();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [socket, userId, queryClient, navigate]);

  return null;
}
