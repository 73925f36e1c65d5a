import type { Lesson, LessonBlock, LessonSection } from '../shared/content/content-types';
import { createSlugger } from './create-slugger';
import { buildDirectiveBlock, type DirectiveCounters, parseDirectiveInfo } from './directive-block';
import type { LessonFrontMatter } from './front-matter-schemas';
import { hashText } from './hash-text';
import { type CourseResolver, createLessonScope } from './lesson-scope';
import type { Token } from './markdown-engine';
import type { MarkdownEngine } from './markdown-renderer';
import type { Problem } from './problems';
import type { PublishedChecks } from './published-options';
import type { SourceHead } from './read-head';
import { scanInline } from './scan-inline';
import { countWords, estimateMinutes, fleschReadingEase, type ReadingTally, tallyProse } from './text-stats';

export type LessonStats = {
  words: number;
  checks: number;
  /** Minutes estimated from words and checks (see `estimateMinutes`). */
  estimate: number;
  readingEase: number;
  hasTry: boolean;
};

export type CompiledLesson = {
  /** Missing when the front matter is invalid: the body is still checked. */
  lesson: Lesson | undefined;
  json: string | undefined;
  problems: Problem[];
  stats: LessonStats;
  /** Content-relative paths of the images the lesson shows. */
  images: string[];
};

/** Section 0's id. Reserved so a heading called "Intro" gets `intro-2`. */
export const INTRO_SECTION = 'intro';
export const MIN_READING_EASE = 50;

const isDirectiveOpen = (t: Token) => t.type === 'container_directive_open';
const isDirectiveClose = (t: Token) => t.type === 'container_directive_close';

/** Compiles one lesson's body into blocks. Pure: everything outside the file comes through `resolver`. */
export function compileLesson(
  head: SourceHead<LessonFrontMatter>,
  path: string,
  moduleId: string,
  resolver: CourseResolver,
  engine: MarkdownEngine,
  published?: PublishedChecks,
): CompiledLesson {
  const scope = createLessonScope(head.file, path, head.lines, resolver);
  const front = head.data;
  const lessonTitle = front?.title ?? '';
  // Blank out the front matter instead of cutting it so token line numbers are file line numbers.
  const body = '\n'.repeat(head.bodyFirstLine) + head.lines.slice(head.bodyFirstLine).join('\n');
  const tokens = engine.parse(body);
  const firstBodyLine = Math.max(
    head.bodyFirstLine,
    head.lines.findIndex((l, i) => i >= head.bodyFirstLine && l.trim() !== ''),
  );

  // Pass 1: headings, inline content, directive nesting.
  const slug = createSlugger([INTRO_SECTION]);
  const titles = new Map<Token, string>();
  const reading: ReadingTally = { words: 0, sentences: 0, syllables: 0 };
  let words = 0;
  let previousLevel = 1;
  const open: { name: string; line: number }[] = [];
  let nested = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const line = t.map?.[0] ?? 0;
    if (isDirectiveOpen(t)) {
      const { name } = parseDirectiveInfo(t.info);
      const outer = open[open.length - 1];
      if (outer) {
        nested = true;
        scope.report(
          line,
          `\`:::${name}\` starts inside \`:::${outer.name}\` (line ${outer.line + 1}): end \`:::${outer.name}\` with a \`:::\` line first; activities cannot be put inside each other`,
        );
      }
      open.push({ name, line });
      const end = t.map?.[1] ?? 0;
      if (!/^\s*:{3,}\s*$/.test(head.lines[end] ?? '')) {
        scope.report(line, `\`:::${name}\` is not closed: add a line with just \`:::\` where it ends`);
      }
    } else if (isDirectiveClose(t)) {
      open.pop();
    } else if (t.type === 'heading_open') {
      const level = Number(t.tag.slice(1));
      const inline = tokens[i + 1] as Token;
      const text = scanInline(inline, scope).trim();
      if (!open.some((o) => o.name === 'facilitator')) words += countWords(text);
      i++;
      if (level === 1) {
        scope.report(
          line,
          'do not use a # heading: the lesson title is the page heading; start parts with ##',
        );
      } else if (level > previousLevel + 1) {
        scope.report(
          line,
          `heading level skipped: ${'#'.repeat(level)} follows ${'#'.repeat(previousLevel)}${previousLevel === 1 ? ' (the title)' : ''}; go down one level at a time`,
        );
      }
      if (level === 2 && open.length > 0) {
        scope.report(
          line,
          `a ## heading cannot go inside \`:::${open[open.length - 1]?.name}\`; put it before the activity`,
        );
      }
      previousLevel = level;
      const id = slug(text);
      t.attrSet('id', id);
      titles.set(t, text);
    } else if (t.type === 'inline') {
      const prev = tokens[i - 1];
      const inCheck = open[open.length - 1]?.name === 'check';
      const optionLine =
        inCheck && prev?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open';
      const text = scanInline(t, scope, optionLine);
      // Facilitator notes are checked like any text but are not part of what a learner reads, so they
      // count towards neither the lesson's length nor its reading ease.
      if (open.some((o) => o.name === 'facilitator')) continue;
      if (prev?.type === 'paragraph_open') {
        const tally = tallyProse([text]);
        words += tally.words;
        reading.words += tally.words;
        reading.sentences += tally.sentences;
        reading.syllables += tally.syllables;
        if (open.length === 0 && /^\s*:{3,}\s*$/.test(t.content) && !nested) {
          scope.report(
            line,
            'a `:::` line with no activity to end: remove it or add the activity’s opening line',
          );
        }
      } else {
        words += countWords(text);
      }
    }
  }

  // Pass 2: group top-level tokens into blocks, splitting sections at `##`.
  const sections: LessonSection[] = [{ id: INTRO_SECTION, title: lessonTitle }];
  const blocks: LessonBlock[] = [];
  const counters: DirectiveCounters = {
    html: 0,
    check: 0,
    reflect: 0,
    callout: 0,
    names: new Set(),
    ...(published ? { published } : {}),
  };
  let pending: Token[] = [];
  let hasTry = false;
  const flush = () => {
    if (pending.length === 0) return;
    counters.html++;
    blocks.push({
      type: 'html',
      id: `html-${counters.html}`,
      section: sections.length - 1,
      html: engine.render(pending),
    });
    pending = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.level === 0 && t.type === 'heading_open' && t.tag === 'h2') {
      flush();
      sections.push({ id: t.attrGet('id') ?? '', title: titles.get(t) ?? '' });
      pending.push(t);
    } else if (isDirectiveOpen(t)) {
      flush();
      let depth = 1;
      let j = i + 1;
      for (; j < tokens.length; j++) {
        const u = tokens[j] as Token;
        if (isDirectiveOpen(u)) depth++;
        else if (isDirectiveClose(u) && --depth === 0) break;
      }
      const block = buildDirectiveBlock(
        t,
        tokens.slice(i + 1, j),
        sections.length - 1,
        counters,
        scope,
        engine,
      );
      if (block) {
        blocks.push(block);
        if (block.type === 'callout' && block.kind === 'try') hasTry = true;
      }
      i = j;
    } else {
      pending.push(t);
    }
  }
  flush();

  const checks = blocks.filter((b) => b.type === 'check').length;
  for (const checkId of Object.keys(published ?? {})) {
    if (blocks.some((b) => b.type === 'check' && b.id === checkId)) continue;
    scope.report(
      firstBodyLine,
      `published check \`${checkId}\` is gone: answers learners gave to it will no longer show. If you renamed or moved it, name it \`:::check ${checkId}\`; if it really is gone, run \`npm run content:lock\` when you publish`,
      'warning',
    );
  }
  const estimate = estimateMinutes(words, checks);
  const readingEase = Math.round(fleschReadingEase(reading));
  const stats: LessonStats = { words, checks, estimate, readingEase, hasTry };

  if (front && Math.abs(front.minutes - estimate) > 2) {
    const at = head.where(['minutes']);
    scope.problems.push({
      file: head.file,
      line: at.line,
      col: at.col,
      severity: 'warning',
      message: `minutes is ${front.minutes} but the lesson reads in about ${estimate} (${words} words at 200 a minute, plus half a minute per check)`,
    });
  }
  if (readingEase < MIN_READING_EASE && words > 0) {
    scope.report(
      firstBodyLine,
      `reading ease is ${readingEase} (Flesch), below ${MIN_READING_EASE}: use shorter sentences and everyday words`,
      'warning',
    );
  }
  if (!hasTry) {
    scope.report(
      firstBodyLine,
      'the lesson has no `:::try` activity: add one thing to try in the classroom or setting',
      'warning',
    );
  }

  const problems = [...head.problems, ...scope.problems];
  const images = [...scope.images].sort();
  if (!front) return { lesson: undefined, json: undefined, problems, stats, images };
  const lesson: Lesson = {
    id: front.id,
    moduleId,
    title: front.title,
    minutes: front.minutes,
    objectives: front.objectives,
    sources: front.sources,
    words,
    hash: '',
    sections,
    blocks,
  };
  // Hash the JSON with an empty hash, then fill it in. `"hash":""` cannot occur inside a JSON string
  // value (quotes there are escaped), so the first occurrence is the lesson's own field.
  const unhashed = JSON.stringify(lesson);
  lesson.hash = hashText(unhashed);
  const json = unhashed.replace('"hash":""', `"hash":"${lesson.hash}"`);
  return { lesson, json, problems, stats, images };
}
