export function RoomPage() {
  return <h1>Room</h1>;
}
