import { Link, useNavigate } from 'react-router';
import { SignupForm } from '../../features/auth';

export function SignupPage() {
  const navigate = useNavigate();
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
