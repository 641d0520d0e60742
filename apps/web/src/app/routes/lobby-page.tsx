export function LobbyPage() {
  return <h1>Lobby</h1>;
}
