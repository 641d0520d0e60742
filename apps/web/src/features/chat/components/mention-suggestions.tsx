import type { Mentionable } from '../logic/mention-query';

/** The `@` suggestions under the composer: a listbox the textbox points into. */
export function MentionSuggestions({
  id,
  people,
  active,
  onPick,
}: {
  id: string;
  people: readonly Mentionable[];
  active: number;
  onPick: (person: Mentionable) => void;
}) {
  return (
    <ul id={id} className="mention-suggestions" role="listbox" aria-label="People to mention">
      {people.map((person, index) => (
        <li
          key={person.id}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={`mention-suggestions__option${index === active ? ' mention-suggestions__option--active' : ''}`}
          // Keep the focus in the textbox: pick on mousedown, before it would blur.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(person);
          }}
        >
          <span className="mention-suggestions__name">{person.displayName}</span>{' '}
          <span className="muted">@{person.username}</span>
        </li>
      ))}
    </ul>
  );
}
