import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

type Props = { title: string; children?: ReactNode };

/**
 * The page's one `<h1>`. It names the document, and after an in-app navigation it takes focus so a
 * screen reader announces the new page and the next Tab starts from the top of its content (a full
 * page load leaves focus where the browser puts it).
 */
export function PageHeading({ title, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname, key } = useLocation();

  useEffect(() => {
    document.title = `${title} – Pocket CPD`;
  }, [title]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the path, not the search params or key.
  useEffect(() => {
    if (key !== 'default') ref.current?.focus();
  }, [pathname]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
