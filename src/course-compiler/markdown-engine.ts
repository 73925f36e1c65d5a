import MarkdownIt, { type PluginWithParams } from 'markdown-it';
import container from 'markdown-it-container';

export type Token = ReturnType<MarkdownIt['parse']>[number];

/** What the compiler decided for a link or image; the renderer uses only this, never the raw attrs. */
export type LinkMeta = { href?: string; external?: boolean; src?: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The one configured markdown-it: CommonMark + GFM tables and strikethrough, raw HTML off, every
 * `:::name` line a directive container. Links and images render only the address the compiler
 * approved in `token.meta`, so output is safe even if a check were missed.
 */
export function createMarkdownEngine(): MarkdownIt {
  // No linkify: a bare address is not a link (link text must say where it goes), and scanning every
  // text run for addresses was the slowest single step of a large build.
  // The typographer is on for its curly quotes and apostrophes only (text runs, never code, addresses or
  // attributes); its other replacements, such as (c) to ©, would surprise authors.
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: true, quotes: '“”‘’' });
  md.core.ruler.disable('replacements');
  // Let every address become a token so the compiler can report it; markdown-it would otherwise
  // leave `javascript:` links as plain text and the author would never hear about them.
  md.validateLink = () => true;
  // Keep escapes (`&lt;`, `\<`) apart from plain text so only literal tags count as raw HTML.
  md.core.ruler.disable('text_join');
  // The plugin's bundled types point at markdown-it's CJS typings; the runtime shape is the same.
  md.use(container as unknown as PluginWithParams, 'directive', {
    validate: (params: string) => params.trim() !== '',
  });

  const rules = md.renderer.rules;
  rules.text_special = (tokens, idx) => escapeHtml(tokens[idx]?.content ?? '');
  rules.link_open = (tokens, idx) => {
    const meta = tokens[idx]?.meta as LinkMeta | null;
    if (!meta?.href) return '';
    return `<a href="${escapeHtml(meta.href)}"${meta.external ? ' rel="noopener"' : ''}>`;
  };
  rules.link_close = (tokens, idx) => ((tokens[idx]?.meta as LinkMeta | null)?.href ? '</a>' : '');
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const meta = token?.meta as LinkMeta | null;
    if (!token || !meta?.src) return '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return `<img src="${escapeHtml(meta.src)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  };
  return md;
}
