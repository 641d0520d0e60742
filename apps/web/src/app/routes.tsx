import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { LobbyPage } from './routes/lobby-page';
import { LoginPage } from './routes/login-page';
import { MePage } from './routes/me-page';
import { NotFoundPage } from './routes/not-found-page';
import { RoomPage } from './routes/room-page';
import { RoomsPage } from './routes/rooms-page';
import { SignupPage } from './routes/signup-page';
import { ThreadPage } from './routes/thread-page';

/** The route table of the contract ("SPA routes"). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<LobbyPage />} />
        <Route path="signup" element={<SignupPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="rooms" element={<RoomsPage />} />
        <Route path="rooms/:slug" element={<RoomPage />} />
        <Route path="u/:username" element={<ThreadPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
