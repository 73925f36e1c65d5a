import { PageHeading } from './page-heading';

/** First visit while offline (or the server is down): nothing cached yet, so nothing to show. */
export function CourseUnavailable({ title }: { title: string }) {
  return (
    <>
      <PageHeading title={title} />
      <CourseUnavailableMessage />
    </>
  );
}

/** The message alone, for a page that shows something of its own between its heading and this. */
export function CourseUnavailableMessage() {
  return (
    <p role="alert">
      The course could not be loaded. Check that you are online, then reload the page. Once it has loaded
      once, Pocket CPD works without a connection.
    </p>
  );
}
