import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import type { CatalogModule } from '../../shared/content/content-types';

type Props = {
  /** The lesson's title when the catalogue on this device knows it. */
  title: string;
  /** The lesson's module, for the way back; null when this device has no catalogue yet. */
  module: CatalogModule | null;
};

/** Offline, opening a lesson whose module is not on the device: a calm word and a way back, not an error. */
export function LessonNeedsConnection({ title, module }: Props) {
  return (
    <>
      <PageHeading title={title} />
      <p role="status">
        <strong>Needs a connection.</strong> You are offline and this lesson’s module is not on your device
        yet. Connect to the internet to open it, or download the module next time you are online.
      </p>
      <ul className="link-list">
        {module && (
          <li>
            <Link to={`/modules/${module.id}`}>Back to {module.title}</Link>
          </li>
        )}
        <li>
          <Link to="/modules">Browse all modules</Link>
        </li>
      </ul>
    </>
  );
}
