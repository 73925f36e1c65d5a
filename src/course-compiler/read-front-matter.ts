import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fastFrontMatter } from './fast-front-matter';
import type { Problem } from './problems';

export type Located = { line: number; col: number };

type Issue = z.core.$ZodIssue;

export type FrontMatterResult<T> = {
  data: T | undefined;
  problems: Problem[];
  /** Where a field (by path) is written, for problems about its value found later. */
  where: (path: readonly PropertyKey[]) => Located;
};

/**
 * Parses and validates YAML front matter. Positions point at the offending key or value in the
 * Markdown file, so authors land on the right line. Returns the data only when it is valid.
 */
export function readFrontMatter<T>(
  schema: z.ZodType<T>,
  yamlText: string,
  firstLine: number,
  file: string,
): FrontMatterResult<T> {
  const fast = fastFrontMatter(yamlText);
  if (fast) {
    const quick = schema.safeParse(fast);
    // Valid plain front matter: positions are only needed later for warnings, so parse lazily.
    if (quick.success) {
      let full: FrontMatterResult<T> | undefined;
      return {
        data: quick.data,
        problems: [],
        where: (path) => {
          full ??= readFrontMatterSlow(schema, yamlText, firstLine, file);
          return full.where(path);
        },
      };
    }
  }
  return readFrontMatterSlow(schema, yamlText, firstLine, file);
}

function readFrontMatterSlow<T>(
  schema: z.ZodType<T>,
  yamlText: string,
  firstLine: number,
  file: string,
): FrontMatterResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (offset: number): Located => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line, col: pos.col };
  };
  const add = (where: Located, message: string) =>
    problems.push({ file, line: where.line, col: where.col, severity: 'error', message });

  const top: Located = { line: firstLine, col: 1 };
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
    return node && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
  };
  const locate = (path: readonly PropertyKey[]): Located => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(path.slice(0, n));
      if (node?.range) return n === 0 ? top : at(node.range[0]);
    }
    return top;
  };
  const keyAt = (path: readonly PropertyKey[], key: string): Located => {
    const node = nodeAt(path);
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (k && 'value' in k && (k as { value: unknown }).value === key && k.range) return at(k.range[0]);
      }
    }
    return locate(path);
  };
  for (const err of doc.errors) {
    add(at(err.pos[0]), `front matter is not valid YAML: ${err.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return { data: undefined, problems, where: locate };

  const raw: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, problems, where: locate };

  const valueAt = (path: readonly PropertyKey[]): unknown => {
    let value: unknown = raw;
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<PropertyKey, unknown>)[key];
    }
    return value;
  };

  for (const issue of result.error.issues as Issue[]) {
    const path = issue.path;
    const name = fieldName(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add(keyAt(path, key), `unknown front matter field \`${fieldName([...path, key])}\``);
      }
    } else if (issue.code === 'invalid_type' && valueAt(path) === undefined) {
      const parent = path.slice(0, -1);
      const where = parent.length === 0 ? top : locate(parent);
      add(where, `missing front matter field \`${name}\``);
    } else {
      const node = nodeAt(path);
      const where = node?.range ? at(node.range[0]) : locate(path);
      const isListItem = typeof path[path.length - 1] === 'number' && isSeq(nodeAt(path.slice(0, -1)));
      add(where, `front matter field \`${name}\`${isListItem ? ' item' : ''} ${issue.message}`);
    }
  }
  return { data: undefined, problems, where: locate };
}

function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`;
  }
  return name;
}
