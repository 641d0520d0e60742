import { Link, useNavigate } from 'react-router';
import { SignupForm, useSession } from '../../features/auth';

export function SignupPage() {
  const navigate = useNavigate();
  const session = useSession();
  if (session.data?.kind === 'user') {
    return (
      <div className="page page--narrow">
        <h1>Sign up</h1>
        <p>
          You are signed in as {session.data.user.displayName}.{' '}
          <Link to="/">Back to the lobby</Link> or <Link to="/me">edit your profile</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Sign up</h1>
      <SignupForm onSignedIn={() => void navigate('/')} />
      <p className="muted">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
