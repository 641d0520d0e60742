/** A dialog form's two buttons: submit (with its wording while the request runs) and Cancel. */
export function DialogActions({
  submitLabel,
  pending,
  pendingLabel = submitLabel,
  disabled = false,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="form__actions">
      <button type="submit" className="button--primary" disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
