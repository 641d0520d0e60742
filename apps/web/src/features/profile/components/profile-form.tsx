import { LIMITS, updateProfileBodySchema, type OwnProfile } from '@chat/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Avatar } from '../../../components/avatar';
import { FormAlert } from '../../../components/form-alert';
import { TextAreaField, TextField } from '../../../components/text-field';
import { useApiForm } from '../../../lib/forms';
import { useUpdateProfile } from '../api/update-profile';
import { AVATAR_COLOR_OPTIONS } from './avatar-colors';

type Draft = Pick<OwnProfile, 'displayName' | 'bio' | 'location' | 'avatarColor' | 'botOptOut'>;

const resolver = zodResolver(updateProfileBodySchema);

/** Edits the own profile with a live preview; errors come from the schema, then from the API. */
export function ProfileForm({
  profile,
  onSaved,
}: {
  profile: OwnProfile;
  onSaved: (profile: OwnProfile) => void;
}) {
  const update = useUpdateProfile();
  const [saved, setSaved] = useState(false);
  const { register, field, formState, watch, submit, formError } = useApiForm({
    defaultValues: {
      displayName: profile.displayName,
      bio: profile.bio,
      location: profile.location,
      avatarColor: profile.avatarColor,
      botOptOut: profile.botOptOut,
    } satisfies Draft,
    resolver,
    beforeSubmit: () => setSaved(false),
    send: async (body) => {
      const next = await update.mutateAsync(body);
      setSaved(true);
      onSaved(next);
    },
  });
  const { errors } = formState;
  const draft = watch();

  return (
    <div className="profile-editor">
      <form
        className="form"
        onSubmit={submit}
        onChange={() => setSaved(false)}
        noValidate
        aria-label="Edit profile"
      >
        <FormAlert message={formError} />
        <TextField
          label="Display name"
          maxLength={LIMITS.displayNameMax}
          {...field('displayName')}
        />
        <TextAreaField
          label="Bio"
          {...field('bio')}
          hint={`${draft.bio.length} / ${LIMITS.bioMax}`}
        />
        <TextField label="Location" maxLength={LIMITS.locationMax} {...field('location')} />
        <fieldset className="field color-picker">
          <legend>Avatar colour</legend>
          <div className="color-picker__swatches">
            {AVATAR_COLOR_OPTIONS.map((option) => (
              <label
                key={option.value}
                className="color-picker__swatch"
                style={{ background: option.value }}
              >
                <input type="radio" value={option.value} {...register('avatarColor')} />
                <span className="visually-hidden">{option.name}</span>
              </label>
            ))}
          </div>
          {errors.avatarColor ? <p className="field__error">{errors.avatarColor.message}</p> : null}
        </fieldset>
        <div className="field field--checkbox">
          <input id="profile-bot-opt-out" type="checkbox" {...register('botOptOut')} />
          <label htmlFor="profile-bot-opt-out">Never let the demo bot post as me</label>
        </div>
        <button type="submit" className="button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save profile'}
        </button>
        <p className="form__success" role="status">
          {saved ? 'Profile saved.' : ''}
        </p>
      </form>
      <ProfilePreview username={profile.username} draft={draft} />
    </div>
  );
}

function ProfilePreview({ username, draft }: { username: string; draft: Draft }) {
  return (
    <section className="profile-card" aria-label="Preview">
      <Avatar name={draft.displayName || username} color={draft.avatarColor} />
      <div>
        <p className="profile-card__name">{draft.displayName || username}</p>
        <p className="muted">@{username}</p>
        {draft.location ? <p className="muted">{draft.location}</p> : null}
        {draft.bio ? <p className="profile-card__bio">{draft.bio}</p> : null}
      </div>
    </section>
  );
}
