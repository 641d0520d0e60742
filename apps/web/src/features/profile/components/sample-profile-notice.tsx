import type { OwnProfile } from '@chat/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useUpdateProfile } from '../api/update-profile';

/**
 * Sign-up invents a bio and a location so a new account looks alive; its owner is told so once.
 * The notice stays up for this visit (until dismissed), and the server is told at once that it
 * was shown, so it does not come back on the next visit.
 */
export function SampleProfileNotice({
  profile,
  onSeen,
}: {
  profile: OwnProfile | null;
  onSeen: (profile: OwnProfile) => void;
}) {
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const { mutate } = useUpdateProfile();
  // Latched while rendering: the profile stops saying "sample" once the server knows.
  if (profile?.sampleProfile && shownFor !== profile.id) setShownFor(profile.id);

  useEffect(() => {
    if (shownFor) mutate({ sampleProfileSeen: true }, { onSuccess: onSeen });
    // onSeen is the caller's cache update; once per account shown is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownFor, mutate]);

  if (!profile || shownFor !== profile.id || dismissed) return null;
  return (
    <div className="notice" role="status">
      <p>
        We filled in a sample profile — <Link to="/me">edit it</Link>
      </p>
      <button type="button" className="button--small" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
