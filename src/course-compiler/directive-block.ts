import { CALLOUT_LABELS, type CheckOption, type LessonBlock } from '../shared/content/content-types';
import { findHtmlTags, type HtmlFinding } from './find-html-tags';
import type { LessonScope } from './lesson-scope';
import type { Token } from './markdown-engine';
import type { MarkdownEngine } from './markdown-renderer';
import { optionTextKey } from './option-text-key';
import type { PublishedChecks } from './published-options';
import { readReflectLog } from './reflect-log';
import { buildSessionBlock } from './session-directives';
import { slugify } from './slugify';

export type DirectiveCounters = {
  html: number;
  check: number;
  reflect: number;
  callout: number;
  names: Set<string>;
  /** This lesson's checks as last published (content/published-options.json), if any. */
  published?: PublishedChecks;
};

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MARKER = /^\[( |x|X)\][ \t]+/;
/** `- [x] Stay calm {#calm}`: an option's own name, at the end of its first line. */
const OPTION_NAME = /[ \t]*\{#([^}]*)\}[ \t]*$/;
const MAX_DERIVED_ID = 40;

/**
 * The title a callout carries, as plain text. The heading on its `:::` line is read as one line of
 * Markdown, so its quotes and apostrophes come out exactly as in the lesson's text and any markup is
 * dropped. Readers show the title after the kind ("Try this: Map the room"), so an author's heading that
 * already starts with the kind ("Try this this week") loses that lead-in rather than reading
 * "Try this: Try this this week". A heading that is only the kind becomes the kind's own title, which
 * readers show once.
 */
export function calloutTitle(
  kind: keyof typeof CALLOUT_LABELS,
  heading: string,
  engine: Pick<MarkdownEngine, 'plainInline'>,
): string {
  const label = CALLOUT_LABELS[kind];
  const plain = engine.plainInline(heading);
  if (plain.toLowerCase().startsWith(label.toLowerCase())) {
    const after = plain.slice(label.length);
    // "Tipping point" is not the kind "Tip" followed by a title.
    if (after === '' || /^[\s:\-–—.,!]/.test(after)) {
      const rest = after.replace(/^[\s:\-–—.,!]+/, '');
      return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : label;
    }
  }
  return plain || label;
}

/**
 * `:::check my-name` → name `check`, rest `my-name`; `:::discuss{minutes=5}` → name `discuss`, attributes
 * `minutes=5` (the inside of braces written straight after the name, as an option's `{#name}` is).
 */
export function parseDirectiveInfo(info: string): { name: string; attributes?: string; rest: string } {
  const trimmed = info.trim();
  // A space before the braces is forgiven: `:::discuss {minutes=5}` means what its author meant.
  const m = /^([^\s{]*)(?:[ \t]*\{([^}]*)\})?/.exec(trimmed);
  const name = m?.[1] ?? '';
  const rest = trimmed.slice(m?.[0].length ?? 0).trim();
  return m?.[2] !== undefined ? { name, attributes: m[2], rest } : { name, rest };
}

/** Turns one top-level `:::name … :::` into a block, reporting anything an author got wrong. */
export function buildDirectiveBlock(
  open: Token,
  inner: Token[],
  section: number,
  counters: DirectiveCounters,
  scope: LessonScope,
  engine: MarkdownEngine,
): LessonBlock | undefined {
  const line = open.map?.[0] ?? 0;
  const { name, attributes, rest } = parseDirectiveInfo(open.info);
  if (attributes !== undefined && !['discuss', 'facilitator', 'reflect'].includes(name)) {
    scope.report(
      line,
      `\`:::${name}\` takes no attributes (found \`{${attributes}}\`): only \`:::discuss\` (its \`minutes\`) and \`:::reflect\` (its \`log\`) have one`,
      'error',
      `{${attributes}}`,
    );
  }
  const explicitId = (kind: 'check' | 'reflect', n: number): string => {
    if (rest === '') return `${kind}-${n}`;
    if (!NAME.test(rest)) {
      scope.report(
        line,
        `the name of \`:::${kind}\` must be lower-case words joined by hyphens (found "${rest}")`,
      );
    }
    return rest;
  };
  const unique = (id: string): string => {
    if (counters.names.has(id))
      scope.report(line, `two activities in this lesson are called \`${id}\`: give each its own name`);
    counters.names.add(id);
    return id;
  };
  const empty = (what: string) =>
    scope.report(line, `\`:::${name}\` is empty: write the ${what} between \`:::${name}\` and \`:::\``);

  switch (name) {
    case 'check': {
      counters.check++;
      const id = unique(explicitId('check', counters.check));
      const published =
        counters.published && Object.hasOwn(counters.published, id) ? counters.published[id] : undefined;
      return buildCheck(id, section, inner, line, scope, engine, published);
    }
    case 'reflect': {
      counters.reflect++;
      const id = unique(explicitId('reflect', counters.reflect));
      const log = readReflectLog(attributes, line, scope);
      const prompt = engine.render(inner);
      if (prompt === '') empty('prompt');
      return { type: 'reflect', id, section, prompt, ...(log ? { log } : {}) };
    }
    case 'tip':
    case 'key':
    case 'try': {
      counters.callout++;
      const id = unique(`callout-${counters.callout}`);
      const tags = new Map<string, HtmlFinding>();
      for (const tag of findHtmlTags(rest)) if (!tags.has(tag.name)) tags.set(tag.name, tag);
      for (const tag of tags.values()) {
        scope.report(
          line,
          `raw HTML is not allowed: ${tag.name} (write Markdown instead)`,
          'error',
          tag.snippet,
        );
      }
      const title = calloutTitle(name, rest.replace(/[<>]/g, ''), engine);
      const html = engine.render(inner);
      if (html === '') empty('text');
      return { type: 'callout', id, section, kind: name, title, html };
    }
    case 'discuss':
    case 'facilitator':
      return buildSessionBlock(name, attributes, rest, inner, line, scope, engine);
    default:
      scope.report(
        line,
        `unknown activity \`:::${name}\`: use :::check, :::reflect, :::tip, :::key, :::try, :::discuss or :::facilitator`,
        'error',
        name,
      );
      return undefined;
  }
}

function buildCheck(
  id: string,
  section: number,
  inner: Token[],
  line: number,
  scope: LessonScope,
  engine: MarkdownEngine,
  published: Record<string, string> | undefined,
): LessonBlock {
  const base = inner[0]?.level ?? 1;
  const listStart = inner.findIndex((t) => t.type === 'bullet_list_open' && t.level === base);
  const listEnd =
    listStart < 0
      ? -1
      : inner.findIndex((t, i) => i > listStart && t.type === 'bullet_list_close' && t.level === base);
  const question = engine.render(listStart < 0 ? inner : inner.slice(0, listStart));
  if (question === '') scope.report(line, '`:::check` has no question: write it before the options');
  const drafts: DraftOption[] = [];
  if (listStart < 0) {
    scope.report(
      line,
      '`:::check` has no options: list them as `- [x] right answer` and `- [ ] wrong answer`',
    );
  } else {
    const after = inner.slice(listEnd + 1).find((t) => t.level === base && t.map);
    if (after?.map) {
      scope.report(
        after.map[0],
        'nothing may follow the options of a check: put the question before the options',
      );
    }
    let i = listStart + 1;
    while (i < listEnd) {
      const item = inner[i] as Token;
      let j = i + 1;
      for (let depth = 1; j < listEnd; j++) {
        const t = inner[j] as Token;
        if (t.type === 'list_item_open') depth++;
        else if (t.type === 'list_item_close' && --depth === 0) break;
      }
      const option = buildOption(inner.slice(i + 1, j), item.map?.[0] ?? line, scope, engine);
      if (option) drafts.push(option);
      i = j + 1;
    }
  }
  const options = assignOptionIds(id, drafts, published, line, scope);
  if (listStart >= 0 && options.length < 2) {
    scope.report(line, `a check needs at least two options (found ${options.length})`);
  }
  if (options.length > 0 && !options.some((o) => o.correct)) {
    scope.report(line, 'the check has no correct option: mark the right answer(s) with `- [x]`');
  }
  return {
    type: 'check',
    id,
    section,
    question,
    multiple: options.filter((o) => o.correct).length > 1,
    options,
  };
}

type DraftOption = Omit<CheckOption, 'id'> & { name?: string; line: number };

function buildOption(
  tokens: Token[],
  line: number,
  scope: LessonScope,
  engine: MarkdownEngine,
): DraftOption | undefined {
  const inline = tokens[0]?.type === 'paragraph_open' ? tokens[1] : undefined;
  const first = inline?.children?.[0];
  const marker = first?.type === 'text' ? MARKER.exec(first.content) : null;
  if (!inline || !first || !marker) {
    scope.report(
      line,
      'each option of a check starts with `[x]` (right) or `[ ]` (wrong), e.g. `- [ ] An answer`',
    );
    return undefined;
  }
  first.content = first.content.slice(marker[0].length);
  const children = inline.children ?? [];
  const br = children.findIndex((t) => t.type === 'softbreak' || t.type === 'hardbreak');
  const optionTokens = br < 0 ? children : children.slice(0, br);
  let name: string | undefined;
  const last = optionTokens[optionTokens.length - 1];
  const named = last?.type === 'text' ? OPTION_NAME.exec(last.content) : null;
  if (last && named) {
    name = named[1] ?? '';
    last.content = last.content.slice(0, named.index);
    if (!NAME.test(name)) {
      scope.report(
        line,
        `the name of an option must be lower-case words joined by hyphens, e.g. \`{#stay-calm}\` (found "${name}")`,
      );
    }
  }
  const restInline = br < 0 ? [] : children.slice(br + 1);
  const restBlocks = tokens.slice(3).map((t) => {
    if (t.type === 'paragraph_open' || t.type === 'paragraph_close') t.hidden = false;
    return t;
  });
  const lead = engine.renderInline(restInline);
  const explanation = (lead ? `<p>${lead}</p>` : '') + engine.render(restBlocks);
  if (explanation === '') {
    scope.report(
      line,
      'option has no explanation: on the next line, indented by two spaces, say why it is right or wrong',
    );
  }
  return {
    html: engine.renderInline(optionTokens),
    correct: marker[1] !== ' ',
    explanation,
    line,
    ...(name !== undefined ? { name } : {}),
  };
}

/** A slug of at most MAX_DERIVED_ID characters, cut between words. */
function shortSlug(text: string): string {
  const slug = slugify(text);
  if (slug.length <= MAX_DERIVED_ID) return slug;
  const cut = slug.slice(0, MAX_DERIVED_ID + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, MAX_DERIVED_ID);
}

/**
 * Gives each option its id: the author's name if it has one; else the id it was published under while
 * its text is unchanged (so reordering keeps every stored answer on the same text); else an id made from
 * its text. A made id never reuses a published id of this check, which stored answers already mean.
 * A published id that is now gone is a warning: answers given to it no longer match an option.
 */
function assignOptionIds(
  checkId: string,
  drafts: readonly DraftOption[],
  published: Record<string, string> | undefined,
  line: number,
  scope: LessonScope,
): CheckOption[] {
  const locked = published ?? {};
  const taken = new Set<string>();
  for (const d of drafts) if (d.name !== undefined) taken.add(d.name);
  const ids = drafts.map((d) => d.name);
  // Published ids by text, for unnamed options, before any new id is made.
  drafts.forEach((d, i) => {
    if (ids[i] !== undefined) return;
    const key = optionTextKey(d.html);
    const match = Object.keys(locked).find((id) => locked[id] === key && !taken.has(id));
    if (match) {
      ids[i] = match;
      taken.add(match);
    }
  });
  drafts.forEach((d, i) => {
    if (ids[i] !== undefined) return;
    const slug = shortSlug(optionTextKey(d.html));
    let id = slug;
    for (let n = 2; taken.has(id) || Object.hasOwn(locked, id); n++) id = `${slug}-${n}`;
    ids[i] = id;
    taken.add(id);
  });
  const seen = new Set<string>();
  const options = drafts.map((d, i): CheckOption => {
    const id = ids[i] as string;
    if (seen.has(id))
      scope.report(d.line, `two options of this check are named \`${id}\`: give each its own name`);
    seen.add(id);
    return { id, html: d.html, correct: d.correct, explanation: d.explanation };
  });
  for (const id of Object.keys(locked)) {
    if (seen.has(id)) continue;
    scope.report(
      line,
      `published option \`${id}\` of check \`${checkId}\` ("${locked[id]}") is gone: answers learners gave to it will no longer match an option. If you reworded it, keep its id by ending the option's line with \`{#${id}}\`; if it really is gone, run \`npm run content:lock\` when you publish`,
      'warning',
    );
  }
  return options;
}
