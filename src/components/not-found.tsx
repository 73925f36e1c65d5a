import { Link } from 'react-router';
import { PageHeading } from './page-heading';

type Props = {
  title: string;
  message: string;
  /** Extra way back, e.g. to the module when only the lesson is unknown. */
  back?: { to: string; label: string };
};

export function NotFound({ title, message, back }: Props) {
  return (
    <>
      <PageHeading title={title} />
      <p>{message}</p>
      <ul className="link-list">
        {back && (
          <li>
            <Link to={back.to}>{back.label}</Link>
          </li>
        )}
        <li>
          <Link to="/modules">Browse all modules</Link>
        </li>
        <li>
          <Link to="/">Go to Today</Link>
        </li>
      </ul>
    </>
  );
}
