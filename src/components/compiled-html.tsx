import { type HTMLAttributes, memo } from 'react';

type Props = HTMLAttributes<HTMLElement> & { html: string; as?: 'div' | 'span' };

/**
 * The one place compiled lesson HTML enters the page. It is safe by construction: the content compiler
 * rejects raw HTML and unsafe links in the Markdown and only emits the markup its renderer produces.
 * Memoised: a lesson renders again as progress arrives, and its text has not changed.
 */
export const CompiledHtml = memo(function CompiledHtml({ html, as: Tag = 'div', ...rest }: Props) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: compiler output, sanitised at build time (DESIGN.md §3).
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
});
