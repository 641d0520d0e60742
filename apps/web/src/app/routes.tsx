import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { LobbyPage } from './routes/lobby-page';

// The lobby is in the first script; every other page is a chunk of its own, fetched when its
// route is first opened, so the lobby does not wait for code it does not show.
const page = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<p className="page muted">Loading…</p>}>
      <Page />
    </Suspense>
  );
};

const signup = page(() => import('./routes/signup-page'), 'SignupPage');
const login = page(() => import('./routes/login-page'), 'LoginPage');
const rooms = page(() => import('./routes/rooms-page'), 'RoomsPage');
const room = page(() => import('./routes/room-page'), 'RoomPage');
const thread = page(() => import('./routes/thread-page'), 'ThreadPage');
const group = page(() => import('./routes/group-page'), 'GroupPage');
const me = page(() => import('./routes/me-page'), 'MePage');
const notFound = page(() => import('./routes/not-found-page'), 'NotFoundPage');

/** The route table of the contract ("SPA routes"). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<LobbyPage />} />
        <Route path="signup" element={signup} />
        <Route path="login" element={login} />
        <Route path="rooms" element={rooms} />
        <Route path="rooms/:slug" element={room} />
        <Route path="u/:username" element={thread} />
        <Route path="g/:id" element={group} />
        <Route path="me" element={me} />
        <Route path="*" element={notFound} />
      </Route>
    </Routes>
  );
}
