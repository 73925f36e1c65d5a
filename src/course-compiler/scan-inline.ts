import { posix } from 'node:path';
import { classifyUrl } from './classify-url';
import { findHtmlTags } from './find-html-tags';
import type { LessonScope } from './lesson-scope';
import type { LinkMeta, Token } from './markdown-engine';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif']);
const VAGUE_LINK_TEXT = new Set(['click here', 'here', 'this link', 'link', 'read more', 'more']);

const decode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

/**
 * Checks one inline token (a paragraph's or heading's text): raw HTML, links and images. Approved
 * addresses go into `token.meta` for the renderer. Returns the plain text, for word counts.
 * `optionLine` marks a check option, whose first line break ends the option text.
 */
export function scanInline(inline: Token, scope: LessonScope, optionLine = false): string {
  let line = inline.map?.[0] ?? 0;
  let text = '';
  let firstBreak = optionLine;
  const reported = new Set<string>();
  const links: Token[] = [];
  const linkText: string[] = [];

  const visit = (children: readonly Token[]) => {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          for (const tag of findHtmlTags(child.content)) {
            const key = `${line}:${tag.name}`;
            if (reported.has(key)) continue;
            reported.add(key);
            scope.report(
              line,
              `raw HTML is not allowed: ${tag.name} (write Markdown instead)`,
              'error',
              tag.snippet,
            );
          }
          text += child.content;
          if (links.length > 0) linkText[linkText.length - 1] += child.content;
          break;
        case 'text_special':
        case 'code_inline':
          text += child.content;
          if (links.length > 0) linkText[linkText.length - 1] += child.content;
          break;
        case 'softbreak':
        case 'hardbreak':
          text += firstBreak ? '. ' : ' ';
          firstBreak = false;
          line++;
          break;
        case 'link_open':
          links.push(child);
          linkText.push('');
          checkLink(child, line, scope);
          break;
        case 'link_close': {
          const open = links.pop();
          const label = (linkText.pop() ?? '').trim();
          child.meta = open?.meta ?? null;
          if (VAGUE_LINK_TEXT.has(label.toLowerCase())) {
            scope.report(
              line,
              `link text "${label}" does not say where the link goes; describe the destination`,
              'warning',
            );
          }
          break;
        }
        case 'image':
          checkImage(child, line, scope);
          visit(child.children ?? []);
          break;
        default:
          break;
      }
    }
  };
  visit(inline.children ?? []);
  return text;
}

function checkLink(token: Token, line: number, scope: LessonScope): void {
  const href = token.attrGet('href') ?? '';
  const shown = decode(href);
  const meta: LinkMeta = {};
  token.meta = meta;
  const source = scope.lines[line] ?? '';
  const snippet =
    token.markup === 'autolink' || token.markup === 'linkify'
      ? undefined
      : source.includes(`](${shown}`)
        ? `](${shown}`
        : '](';
  switch (classifyUrl(href)) {
    case 'https':
      meta.href = href;
      meta.external = true;
      return;
    case 'mailto':
      meta.href = href;
      return;
    case 'anchor':
      meta.href = href;
      return;
    case 'http':
      scope.report(line, `links to websites must start with https:// (found \`${shown}\`)`, 'error', snippet);
      return;
    case 'dangerous':
      scope.report(line, `dangerous link address \`${shown}\` is not allowed`, 'error', snippet);
      return;
    case 'other-scheme':
      scope.report(
        line,
        `link address \`${shown}\` is not allowed: use https:// for websites, mailto: for email, or a lesson's .md file`,
        'error',
        snippet,
      );
      return;
    case 'relative':
      break;
  }
  const [pathPart = '', fragment] = shown.split('#', 2);
  const target = posix.normalize(posix.join(posix.dirname(scope.path), pathPart));
  if (!pathPart.endsWith('.md')) {
    scope.report(
      line,
      `link to \`${shown}\` is not a lesson: link to another lesson's .md file, or to a website with https://`,
      'error',
      snippet,
    );
    return;
  }
  const hash = fragment ? `#${encodeURIComponent(fragment)}` : '';
  const lesson = scope.resolver.lesson(target);
  const moduleId = lesson ? undefined : scope.resolver.module(target);
  if (lesson) meta.href = `/modules/${lesson.moduleId}/${lesson.lessonId}${hash}`;
  else if (moduleId) meta.href = `/modules/${moduleId}${hash}`;
  else {
    scope.report(
      line,
      `broken link: \`${pathPart}\` is not a lesson in the course (looked for ${scope.root}/${target})`,
      'error',
      snippet,
    );
  }
}

function checkImage(token: Token, line: number, scope: LessonScope): void {
  const src = token.attrGet('src') ?? '';
  const shown = decode(src);
  const meta: LinkMeta = {};
  token.meta = meta;
  const snippet = '![';
  if (token.content.trim() === '') {
    scope.report(
      line,
      `image \`${shown}\` has no alt text: describe the picture between the square brackets`,
      'error',
      snippet,
    );
  }
  const kind = classifyUrl(src);
  if (kind === 'dangerous') {
    scope.report(line, `dangerous image address \`${shown}\` is not allowed`, 'error', snippet);
    return;
  }
  if (kind !== 'relative') {
    scope.report(
      line,
      `image \`${shown}\` must be a file next to the lesson, not a web address (lessons must work offline)`,
      'error',
      snippet,
    );
    return;
  }
  const target = posix.normalize(posix.join(posix.dirname(scope.path), shown.split(/[?#]/)[0] ?? ''));
  const ext = posix.extname(target).slice(1).toLowerCase();
  if (!IMAGE_EXTENSIONS.has(ext)) {
    scope.report(
      line,
      `image \`${shown}\` is not a picture format the app accepts: use .png, .jpg, .gif, .webp or .avif`,
      'error',
      snippet,
    );
    return;
  }
  const output = scope.resolver.image(target);
  if (!output) {
    scope.report(line, `missing image: \`${shown}\` (looked for ${scope.root}/${target})`, 'error', snippet);
    return;
  }
  meta.src = `/${output}`;
  scope.images.add(target);
}
