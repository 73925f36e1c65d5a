import { isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Pathway } from '../shared/content/content-types';
import { ROLES } from '../shared/device/settings';
import type { Problem } from './problems';

const pathwaySchema = z.strictObject({
  role: z.enum(ROLES as readonly [Pathway['role'], ...Pathway['role'][]], {
    error: `must be one of ${ROLES.join(', ')}`,
  }),
  title: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }),
  modules: z.array(z.string({ error: 'must be a module id' }), { error: 'must be a list of module ids' }),
});

/** Reads `pathways.yaml`: a list of `{role, title, modules}`. Every module id must exist. */
export function readPathways(
  text: string | undefined,
  file: string,
  moduleIds: ReadonlySet<string>,
): { pathways: Pathway[]; problems: Problem[] } {
  if (text === undefined) return { pathways: [], problems: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: Problem[] = [];
  const add = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, col, severity: 'error', message });
  };
  for (const err of doc.errors) add(err.pos[0], `not valid YAML: ${err.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { pathways: [], problems };
  const root = doc.contents;
  if (!isSeq(root)) {
    add(0, 'pathways.yaml must be a list of pathways, each with role, title and modules');
    return { pathways: [], problems };
  }
  const pathways: Pathway[] = [];
  root.items.forEach((item, index) => {
    const node = item as Node;
    const offset = node.range?.[0] ?? 0;
    const parsed = pathwaySchema.safeParse(node.toJSON());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = doc.getIn([index, ...issue.path], true) as Node | undefined;
        const name = issue.path.join('.') || `pathway ${index + 1}`;
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown field(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')}`
            : `\`${name}\` ${issue.message}`;
        add(at?.range?.[0] ?? offset, message);
      }
      return;
    }
    parsed.data.modules.forEach((id, m) => {
      if (!moduleIds.has(id)) {
        const at = doc.getIn([index, 'modules', m], true) as Node | undefined;
        add(at?.range?.[0] ?? offset, `unknown module id \`${id}\` in pathway \`${parsed.data.role}\``);
      }
    });
    pathways.push(parsed.data);
  });
  return { pathways, problems };
}
