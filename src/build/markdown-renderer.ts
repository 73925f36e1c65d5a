import type MarkdownIt from 'markdown-it';
import { createMarkdownEngine, type Token } from './markdown-engine';

/** Parse and render through one shared markdown-it instance (creating one is the slow part). */
export type MarkdownEngine = {
  parse(src: string): Token[];
  render(tokens: Token[]): string;
  renderInline(tokens: Token[]): string;
};

export function createMarkdownRenderer(md: MarkdownIt = createMarkdownEngine()): MarkdownEngine {
  return {
    parse: (src) => md.parse(src, {}),
    render: (tokens) => md.renderer.render(tokens, md.options, {}).trim(),
    renderInline: (tokens) => md.renderer.renderInline(tokens, md.options, {}).trim(),
  };
}
