/**
 * A fast path for the plain YAML that front matter almost always is: `key: value`, flow lists of
 * plain words (`[teacher, ta]`), and block lists of scalars or of small `key: value` maps. The
 * `yaml` library needs about half a millisecond per lesson, which dominated a 2,000-lesson build.
 * Anything outside this subset returns `undefined` and the caller uses `yaml` itself, so results
 * and error positions never differ; a test checks the two agree on every lesson in the course.
 */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const BAIL = Symbol('bail');

function scalar(raw: string): Value | typeof BAIL {
  const s = raw.trim();
  if (s === '') return null;
  if (s.startsWith('"')) {
    return s.length >= 2 && s.endsWith('"') && !/["\\]/.test(s.slice(1, -1)) ? s.slice(1, -1) : BAIL;
  }
  if (s.startsWith("'")) {
    return s.length >= 2 && s.endsWith("'") && !s.slice(1, -1).includes("'") ? s.slice(1, -1) : BAIL;
  }
  // Indicators, comments, mappings, anchors and tags are left to the real parser.
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(s) || s.includes(': ') || s.endsWith(':') || s.includes(' #')) return BAIL;
  if (/^(0|[1-9][0-9]*)$/.test(s)) return Number(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  // Anything else the core schema might read as a number, boolean or null.
  if (/^[-+.]?[0-9]/.test(s) && /^[-+0-9._eEoOxXa-fA-F]*$/.test(s)) return BAIL;
  if (/^(~|null|true|false|\.inf|\.nan|[-+]\.inf)$/i.test(s)) return BAIL;
  return s;
}

function flowList(raw: string): Value[] | typeof BAIL {
  const inner = raw.trim().slice(1, -1);
  if (/[[\]{}"']/.test(inner)) return BAIL;
  if (inner.trim() === '') return [];
  const items: Value[] = [];
  for (const part of inner.split(',')) {
    const v = scalar(part);
    if (v === BAIL || v === null || part.trim() === '') return BAIL;
    items.push(v);
  }
  return items;
}

function value(raw: string | undefined): Value | typeof BAIL {
  if (raw === undefined) return null;
  const s = raw.trim();
  if (s.startsWith('[')) return s.endsWith(']') ? flowList(s) : BAIL;
  return scalar(s);
}

export function fastFrontMatter(yamlText: string): Record<string, Value> | undefined {
  if (yamlText.includes('\t') || yamlText.includes('\r')) return undefined;
  const lines = yamlText.split('\n');
  const out: Record<string, Value> = {};
  let i = 0;
  const blank = (l: string) => l.trim() === '';
  while (i < lines.length) {
    const line = lines[i] as string;
    if (blank(line)) {
      i++;
      continue;
    }
    const m = KEY.exec(line.trimEnd());
    if (!m || line.startsWith(' ')) return undefined;
    const key = m[1] as string;
    if (key in out) return undefined;
    i++;
    if (m[2] !== undefined && m[2].trim() !== '') {
      const v = value(m[2]);
      if (v === BAIL) return undefined;
      out[key] = v;
      continue;
    }
    // A block list under the key, or nothing (null).
    const items: Value[] = [];
    let listIndent = -1;
    while (i < lines.length && (blank(lines[i] as string) || (lines[i] as string).startsWith(' '))) {
      const item = lines[i] as string;
      if (blank(item)) {
        i++;
        continue;
      }
      const dash = /^( *)- (.*)$/.exec(item.trimEnd());
      if (!dash) return undefined;
      if (listIndent < 0) listIndent = (dash[1] as string).length;
      if ((dash[1] as string).length !== listIndent) return undefined;
      const indent = listIndent + 2;
      const first = dash[2] as string;
      const pair = KEY.exec(first);
      i++;
      if (!pair) {
        const v = value(first);
        if (v === BAIL) return undefined;
        items.push(v);
        continue;
      }
      const map: Record<string, Value> = {};
      const set = (k: string, raw: string | undefined) => {
        if (k in map || raw === undefined || raw.trim() === '') return false;
        const v = value(raw);
        if (v === BAIL) return false;
        map[k] = v;
        return true;
      };
      if (!set(pair[1] as string, pair[2])) return undefined;
      while (i < lines.length && !blank(lines[i] as string)) {
        const next = lines[i] as string;
        const lead = next.length - next.trimStart().length;
        if (lead > indent) return undefined;
        if (lead < indent) break;
        const kv = KEY.exec(next.slice(indent).trimEnd());
        if (!kv || !set(kv[1] as string, kv[2])) return undefined;
        i++;
      }
      items.push(map);
    }
    out[key] = items.length > 0 ? items : null;
  }
  return out;
}
