import { LIMITS } from '@chat/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useEnterAsGuest } from '../api/sign-in';

const ERROR_ID = 'guest-nickname-error';

/** Lets a visitor join the general chat as a guest, with an optional nickname. */
export function GuestEntry() {
  const enter = useEnterAsGuest();
  const [nickname, setNickname] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { error } = enter;
  // A refused nickname (a member's name, say) is the field's error; anything else the form's.
  const fieldError = isApiError(error) ? error.fieldErrors().nickname : undefined;
  const formError = enter.isError && !fieldError ? formMessage(error) : null;

  useEffect(() => {
    if (fieldError) input.current?.focus();
  }, [fieldError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = nickname.trim();
    enter.mutate(trimmed ? { nickname: trimmed } : {});
  };

  return (
    <form className="guest-entry" onSubmit={submit} aria-label="Continue as guest" noValidate>
      <label htmlFor="guest-nickname">Nickname</label>
      <input
        ref={input}
        id="guest-nickname"
        value={nickname}
        maxLength={LIMITS.guestNicknameMax}
        placeholder="optional"
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? ERROR_ID : undefined}
        onChange={(event) => setNickname(event.target.value)}
      />
      <button type="submit" className="button--primary" disabled={enter.isPending}>
        Continue as guest
      </button>
      {fieldError ? (
        <p id={ERROR_ID} className="field__error guest-entry__error">
          {fieldError}
        </p>
      ) : null}
      {formError ? (
        <p className="field__error guest-entry__error" role="alert">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

function formMessage(error: unknown): string {
  return isApiError(error) ? error.message : 'Could not enter as a guest.';
}
