export function MePage() {
  return <h1>Your profile</h1>;
}
