const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The words a reader sees in compiled, sanitised HTML: every tag replaced by `joiner` (' ' where a tag
 * separates words, as between list items; '' where it only wraps them, as `<em>`), entities decoded in one
 * pass (so `&amp;lt;` reads `&lt;`), runs of white space made one space, ends trimmed. markdown-it itself
 * writes only &amp; &lt; &gt; &quot;; numeric and the other named references are decoded as well, which
 * costs nothing and keeps this right for any HTML.
 */
export function htmlToText(html: string, joiner: '' | ' '): string {
  return html
    .replace(/<[^>]*>/g, joiner)
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = /^#x/i.test(name)
        ? Number.parseInt(name.slice(2), 16)
        : Number.parseInt(name.slice(1), 10);
      // Past the last code point is no character: leave it as written rather than throw.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
