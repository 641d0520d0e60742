import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ConnectionBanner } from '../../components/connection-banner';
import { AccountMenu, setOwnProfile, useSession } from '../../features/auth';
import { ServerStatus } from '../../features/health';
import { SampleProfileNotice } from '../../features/profile';
import { BrowserNotifications, UnreadTitle } from '../../features/notifications';
import { SearchLauncher } from '../../features/search';
import { userIdOf } from '../session-identity';
import { Sidebar } from './sidebar';

export function AppLayout() {
  const session = useSession();
  const queryClient = useQueryClient();
  const location = useLocation();
  // On phones the sidebar is a drawer. It is open for the page it was opened on, so any
  // navigation closes it; Escape and the backdrop do too.
  const [drawerOpenOn, setDrawerOpenOn] = useState<string | null>(null);
  const drawerOpen = drawerOpenOn === location.pathname;
  const setDrawerOpen = (open: boolean) => setDrawerOpenOn(open ? location.pathname : null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  // An open drawer holds the focus (Tab wraps inside it); Escape closes it and gives the focus
  // back to the menu button.
  useEffect(() => {
    if (!drawerOpen) return;
    const focusables = () =>
      [
        ...(drawer.current?.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])',
        ) ?? []),
      ].filter((element) => element.offsetParent !== null);
    focusables()[0]?.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setDrawerOpenOn(null);
        menuButton.current?.focus();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables();
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      const inside = drawer.current?.contains(document.activeElement) ?? false;
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus({ preventScroll: true });
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus({ preventScroll: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <UnreadTitle userId={userIdOf(session.data)} />
      <BrowserNotifications userId={userIdOf(session.data)} />
      <header className="app-header">
        <button
          ref={menuButton}
          type="button"
          className="app-header__menu"
          aria-label="Menu"
          aria-expanded={drawerOpen}
          aria-controls="sidebar"
          onClick={() => setDrawerOpen(!drawerOpen)}
        >
          <span aria-hidden="true">☰</span>
        </button>
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
        {userIdOf(session.data) !== undefined ? <SearchLauncher /> : null}
        <span className="app-header__spacer" />
        <ServerStatus />
        {session.data ? <AccountMenu session={session.data} /> : null}
      </header>
      <ConnectionBanner />
      <SampleProfileNotice
        profile={session.data?.kind === 'user' ? session.data.user : null}
        onSeen={(profile) => setOwnProfile(queryClient, profile)}
      />
      <div className="app-body">
        <div
          className="sidebar-backdrop"
          hidden={!drawerOpen}
          onClick={() => setDrawerOpen(false)}
          aria-hidden="true"
        />
        <aside
          ref={drawer}
          id="sidebar"
          className={`sidebar${drawerOpen ? ' sidebar--open' : ''}`}
          aria-label="Conversations and people"
        >
          {drawerOpen ? (
            <button
              type="button"
              className="sidebar__close"
              aria-label="Close menu"
              onClick={() => setDrawerOpen(false)}
            >
              <span aria-hidden="true">✕</span>
            </button>
          ) : null}
          <Sidebar session={session.data} />
        </aside>
        <main id="main" className="app-main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
