export function ProfileLine() {
  return null;
}
