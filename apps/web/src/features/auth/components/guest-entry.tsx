import { LIMITS } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useEnterAsGuest } from '../api/sign-in';

/** Lets a visitor join the general chat as a guest, with an optional nickname. */
export function GuestEntry() {
  const enter = useEnterAsGuest();
  const [nickname, setNickname] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = nickname.trim();
    enter.mutate(trimmed ? { nickname: trimmed } : {});
  };

  return (
    <form className="guest-entry" onSubmit={submit} aria-label="Continue as guest">
      <label htmlFor="guest-nickname">Nickname</label>
      <input
        id="guest-nickname"
        value={nickname}
        maxLength={LIMITS.guestNicknameMax}
        placeholder="optional"
        onChange={(event) => setNickname(event.target.value)}
      />
      <button type="submit" className="button--primary" disabled={enter.isPending}>
        Continue as guest
      </button>
      {enter.isError ? (
        <p className="field__error" role="alert">
          {isApiError(enter.error) ? enter.error.message : 'Could not enter as a guest.'}
        </p>
      ) : null}
    </form>
  );
}
