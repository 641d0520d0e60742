export function ThreadPage() {
  return <h1>Private chat</h1>;
}
