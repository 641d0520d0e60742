import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { setOwnProfile, useSession } from '../../features/auth';
import { ProfileForm } from '../../features/profile';

export function MePage() {
  const session = useSession();
  const queryClient = useQueryClient();

  if (session.isPending) return <p className="page muted">Loading…</p>;
  if (session.data?.kind !== 'user') {
    return (
      <div className="page page--narrow">
        <h1>Your profile</h1>
        <p>
          <Link to="/login" state={{ from: '/me' }}>
            Log in
          </Link>{' '}
          or <Link to="/signup">sign up</Link> to have a profile.
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>Your profile</h1>
      <ProfileForm
        key={session.data.user.id}
        profile={session.data.user}
        onSaved={(profile) => {
          setOwnProfile(queryClient, profile);
          void queryClient.invalidateQueries({ queryKey: ['users'] });
        }}
      />
    </div>
  );
}
