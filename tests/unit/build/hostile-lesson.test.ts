import { describe, expect, it } from 'vitest';
import { compileFixture, formatted } from './compile-fixture';

const FILE = 'tests/fixtures/content/hostile/m/01-hostile.md';
const ALLOWED_TAGS = new Set([
  'p',
  'a',
  'img',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
]);
const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'loading', 'rel', 'id']);

describe('a hostile lesson', () => {
  it('reports every raw HTML tag and dangerous address', async () => {
    const result = await compileFixture('hostile');
    expect(formatted(result)).toEqual([
      `${FILE}:13:1 raw HTML is not allowed: <script> (write Markdown instead)`,
      `${FILE}:15:1 raw HTML is not allowed: <iframe> (write Markdown instead)`,
      `${FILE}:17:11 raw HTML is not allowed: <img> (write Markdown instead)`,
      `${FILE}:19:1 raw HTML is not allowed: <svg> (write Markdown instead)`,
      `${FILE}:19:22 raw HTML is not allowed: <circle> (write Markdown instead)`,
      `${FILE}:21:1 raw HTML is not allowed: <!-- --> (an HTML comment) (write Markdown instead)`,
      `${FILE}:23:14 dangerous link address \`javascript:alert(1)\` is not allowed`,
      `${FILE}:23:55 dangerous link address \`vbscript:msgbox(1)\` is not allowed`,
      `${FILE}:25:14 dangerous link address \`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\` is not allowed`,
      `${FILE}:25:14 dangerous link address \`javascript:alert(1)\` is not allowed`,
      `${FILE}:27:1 dangerous image address \`javascript:alert(1)\` is not allowed`,
      `${FILE}:29:1 raw HTML is not allowed: <a> (write Markdown instead)`,
      `${FILE}:31:8 raw HTML is not allowed: <b> (write Markdown instead)`,
    ]);
  });

  it('lets no tag, handler or script address reach the output', async () => {
    const result = await compileFixture('hostile');
    const text = [...result.output.values()].map((v) => (typeof v === 'string' ? v : '')).join('\n');
    const html: string[] = [];
    JSON.parse(text.split('\n')[0] ?? '{}', (key, value: unknown) => {
      if (typeof value === 'string' && ['html', 'question', 'prompt', 'explanation', 'title'].includes(key)) {
        html.push(value);
      }
      return value;
    });
    expect(html.length).toBeGreaterThan(0);
    for (const fragment of html) {
      for (const [, tag = '', attrs = ''] of fragment.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
        expect(ALLOWED_TAGS).toContain(tag.toLowerCase());
        for (const [, name = '', value = ''] of attrs.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
          expect(ALLOWED_ATTRS).toContain(name.toLowerCase());
          if (name === 'href' || name === 'src') expect(value).toMatch(/^(https:|mailto:|\/|#)/);
        }
      }
      expect(fragment).not.toMatch(/<(script|iframe|svg|img src=x)|<!--/i);
    }
  });
});
