import type { Message, MessageSender } from '@chat/contracts';
import type { LocalMessage, MessageList } from './message-list';

/** A row of the message list: a stored message or one of ours still on its way. */
export type Row =
  | { type: 'stored'; key: string; message: Message }
  | { type: 'local'; key: string; message: LocalMessage };

/** Consecutive rows from one sender, close in time: one header, many bodies. */
export interface Group {
  key: string;
  sender: MessageSender;
  viaBot: boolean;
  system: boolean;
  rows: Row[];
}

export interface Day {
  key: string;
  date: Date;
  groups: Group[];
}

const GROUP_GAP_MS = 5 * 60_000;

/** Splits the list into days, and each day into sender groups, in display order. */
export function groupByDayAndSender(list: MessageList): Day[] {
  const rows: Row[] = [
    ...list.messages.map((message): Row => ({ type: 'stored', key: `m${message.id}`, message })),
    ...list.local.map((message): Row => ({
      type: 'local',
      key: `l${message.clientMsgId}`,
      message,
    })),
  ];
  const days: Day[] = [];
  let previous: { row: Row; time: number } | null = null;

  for (const row of rows) {
    const time = Date.parse(row.message.createdAt);
    const date = new Date(time);
    const dayKey = localDayKey(date);
    let day = days.at(-1);
    if (!day || day.key !== dayKey) {
      day = { key: dayKey, date, groups: [] };
      days.push(day);
      previous = null;
    }
    const viaBot = row.type === 'stored' && row.message.viaBot;
    const system = row.type === 'stored' && row.message.kind === 'system';
    const group = day.groups.at(-1);
    const continues =
      group !== undefined &&
      previous !== null &&
      !system &&
      !group.system &&
      group.sender.id === row.message.sender.id &&
      group.viaBot === viaBot &&
      time - previous.time < GROUP_GAP_MS;
    if (continues) group.rows.push(row);
    else day.groups.push({ key: row.key, sender: row.message.sender, viaBot, system, rows: [row] });
    previous = { row, time };
  }
  return days;
}

function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "Today", "Yesterday" or the date, for the day separators. */
export function dayLabel(date: Date, now = new Date()): string {
  const today = localDayKey(now);
  const yesterday = localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const key = localDayKey(date);
  if (key === today) return 'Today';
  if (key === yesterday) return 'Yesterday';
  return date.toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: date.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  });
}
