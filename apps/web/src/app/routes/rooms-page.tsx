export function RoomsPage() {
  return <h1>Rooms</h1>;
}
