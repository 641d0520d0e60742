import { Link, useLocation, useNavigate } from 'react-router';
import { LoginForm } from '../../features/auth';

export function LoginPage() {
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  return (
    <div className="page page--narrow">
      <h1>Log in</h1>
      <LoginForm onSignedIn={() => void navigate(from)} />
      <p className="muted">
        New here? <Link to="/signup">Sign up</Link>
      </p>
    </div>
  );
}
