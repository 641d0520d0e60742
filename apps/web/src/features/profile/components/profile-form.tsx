import { LIMITS, updateProfileBodySchema, type OwnProfile } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { Avatar } from '../../../components/avatar';
import { TextAreaField, TextField } from '../../../components/text-field';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useUpdateProfile } from '../api/update-profile';
import { AVATAR_COLOR_OPTIONS } from './avatar-colors';

const FIELDS = ['displayName', 'bio', 'location', 'avatarColor'] as const;

type Draft = Pick<OwnProfile, 'displayName' | 'bio' | 'location' | 'avatarColor'>;

/** Edits the own profile with a live preview; errors come from the schema, then from the API. */
export function ProfileForm({
  profile,
  onSaved,
}: {
  profile: OwnProfile;
  onSaved: (profile: OwnProfile) => void;
}) {
  const update = useUpdateProfile();
  const [draft, setDraft] = useState<Draft>({
    displayName: profile.displayName,
    bio: profile.bio,
    location: profile.location,
    avatarColor: profile.avatarColor,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const change = (field: keyof Draft) => (event: { target: { value: string } }) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setSaved(false);
    const parsed = updateProfileBodySchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (next) => {
        setSaved(true);
        onSaved(next);
      },
      onError: (error) => {
        const { fields, form } = apiFormErrors(error, FIELDS);
        setErrors(fields);
        setFormError(form);
      },
    });
  };

  return (
    <div className="profile-editor">
      <form className="form" onSubmit={submit} noValidate aria-label="Edit profile">
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        <TextField
          label="Display name"
          name="displayName"
          value={draft.displayName}
          maxLength={LIMITS.displayNameMax}
          onChange={change('displayName')}
          error={errors.displayName}
        />
        <TextAreaField
          label="Bio"
          name="bio"
          value={draft.bio}
          onChange={change('bio')}
          error={errors.bio}
          hint={`${draft.bio.length} / ${LIMITS.bioMax}`}
        />
        <TextField
          label="Location"
          name="location"
          value={draft.location}
          maxLength={LIMITS.locationMax}
          onChange={change('location')}
          error={errors.location}
        />
        <fieldset className="field color-picker">
          <legend>Avatar colour</legend>
          <div className="color-picker__swatches">
            {AVATAR_COLOR_OPTIONS.map((option) => (
              <label
                key={option.value}
                className="color-picker__swatch"
                style={{ background: option.value }}
              >
                <input
                  type="radio"
                  name="avatarColor"
                  value={option.value}
                  checked={draft.avatarColor === option.value}
                  onChange={change('avatarColor')}
                />
                <span className="visually-hidden">{option.name}</span>
              </label>
            ))}
          </div>
          {errors.avatarColor ? <p className="field__error">{errors.avatarColor}</p> : null}
        </fieldset>
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
