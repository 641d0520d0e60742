import { EmojiPicker } from 'frimousse';

/**
 * Served by this app (see the emojibase plugin in vite.config.ts), never from a CDN: the data
 * loads when the picker first opens and the browser keeps it.
 */
export const EMOJIBASE_URL = '/emojibase';

/** The full picker: search and every emoji, by keyboard too (frimousse is headless; styles.css). */
export function FullEmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <EmojiPicker.Root
      className="emoji-picker"
      emojibaseUrl={EMOJIBASE_URL}
      onEmojiSelect={({ emoji }) => onPick(emoji)}
      columns={8}
    >
      <EmojiPicker.Search className="emoji-picker__search" aria-label="Search emoji" autoFocus />
      <EmojiPicker.Viewport className="emoji-picker__viewport">
        <EmojiPicker.Loading className="emoji-picker__note">Loading…</EmojiPicker.Loading>
        <EmojiPicker.Empty className="emoji-picker__note">No emoji found.</EmojiPicker.Empty>
        <EmojiPicker.List
          className="emoji-picker__list"
          components={{
            CategoryHeader: ({ category, ...props }) => (
              <div className="emoji-picker__category" {...props}>
                {category.label}
              </div>
            ),
            Emoji: ({ emoji, ...props }) => (
              <button className="emoji-picker__emoji" aria-label={emoji.label} {...props}>
                {emoji.emoji}
              </button>
            ),
          }}
        />
      </EmojiPicker.Viewport>
    </EmojiPicker.Root>
  );
}
