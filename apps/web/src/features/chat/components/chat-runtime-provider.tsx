import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useSocket } from '../../../lib/socket-context';
import { ChatRuntime } from '../api/chat-runtime';

const ChatRuntimeContext = createContext<ChatRuntime | null>(null);

/** One ChatRuntime per socket, so the outbox lives as long as the connection's identity. */
export function ChatRuntimeProvider({ children }: { children: ReactNode }) {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [runtime, setRuntime] = useState<ChatRuntime | null>(null);

  useEffect(() => {
    if (!socket) return;
    const next = new ChatRuntime(socket, queryClient);
    setRuntime(next);
    return () => {
      next.dispose();
      setRuntime(null);
    };
  }, [socket, queryClient]);

  return <ChatRuntimeContext.Provider value={runtime}>{children}</ChatRuntimeContext.Provider>;
}

export function useChatRuntime(): ChatRuntime | null {
  return useContext(ChatRuntimeContext);
}
