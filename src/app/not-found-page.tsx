import { NotFound } from '../components/not-found';

export function NotFoundPage() {
  return (
    <NotFound
      title="Page not found"
      message="There is nothing at this address in Pocket CPD. The link may be old or mistyped."
    />
  );
}
