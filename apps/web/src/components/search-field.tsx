/** A search box whose label is read by screen readers and shown as its placeholder. */
export function SearchField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={label}
        value={value}
        maxLength={64}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
