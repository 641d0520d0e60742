import { createContext, useContext } from 'react';
import type { ChatRuntime } from './chat-runtime';

/** The session's ChatRuntime, provided by the app's live updates; null without a socket. */
export const ChatRuntimeContext = createContext<ChatRuntime | null>(null);

export function useChatRuntime(): ChatRuntime | null {
  return useContext(ChatRuntimeContext);
}
