import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { Slot } from '../../../lib/slot';
import { useSocket } from '../../../lib/socket-context';
import { ChatRuntime } from '../api/chat-runtime';

const ChatRuntimeContext = createContext<ChatRuntime | null>(null);

/** One ChatRuntime per socket, so the outbox lives as long as the connection's identity. */
export function ChatRuntimeProvider({ children }: { children: ReactNode }) {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [slot] = useState(() => new Slot<ChatRuntime>());

  useEffect(() => {
    if (!socket) return;
    const runtime = new ChatRuntime(socket, queryClient);
    slot.set(runtime);
    return () => {
      slot.set(null);
      runtime.dispose();
    };
  }, [socket, queryClient, slot]);

  const runtime = useSyncExternalStore(slot.subscribe, slot.get);
  return <ChatRuntimeContext.Provider value={runtime}>{children}</ChatRuntimeContext.Provider>;
}

export function useChatRuntime(): ChatRuntime | null {
  return useContext(ChatRuntimeContext);
}
