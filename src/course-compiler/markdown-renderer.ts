import type MarkdownIt from 'markdown-it';
import { createMarkdownEngine, type Token } from './markdown-engine';

/** Parse and render through one shared markdown-it instance (creating one is the slow part). */
export type MarkdownEngine = {
  parse(src: string): Token[];
  render(tokens: Token[]): string;
  renderInline(tokens: Token[]): string;
  /**
   * One line of Markdown as plain text: the words a reader sees, with the typographer's curly quotes and
   * apostrophes exactly as lesson text gets them, and no markup (`*`, backticks, link addresses dropped).
   * For text shown outside the lesson's HTML, such as a callout's heading.
   */
  plainInline(text: string): string;
};

/** The text of inline tokens: text, escapes, code spans, and the words inside links, emphasis and images. */
function joinText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') out += t.content;
    else if (t.children) out += joinText(t.children);
  }
  return out;
}

export function createMarkdownRenderer(md: MarkdownIt = createMarkdownEngine()): MarkdownEngine {
  return {
    parse: (src) => md.parse(src, {}),
    render: (tokens) => md.renderer.render(tokens, md.options, {}).trim(),
    renderInline: (tokens) => md.renderer.renderInline(tokens, md.options, {}).trim(),
    plainInline: (text) => joinText(md.parseInline(text, {})).trim(),
  };
}
