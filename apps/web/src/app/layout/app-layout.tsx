import { Link, NavLink, Outlet } from 'react-router';
import { ServerStatus } from '../../features/health/components/server-status';

export function AppLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          Chat
        </Link>
        <nav aria-label="Main" className="app-header__nav">
          <NavLink to="/" end>
            Lobby
          </NavLink>
          <NavLink to="/rooms" end>
            Rooms
          </NavLink>
        </nav>
        <ServerStatus />
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
