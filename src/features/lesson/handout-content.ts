import type { Lesson, LessonBlock, Source } from '../../shared/content/content-types';

type Callout = Extract<LessonBlock, { type: 'callout' }>;

/** A titled piece of compiled (sanitised) HTML: a key point or a thing to try. */
export type HandoutItem = { title: string; html: string };

export type Handout = {
  title: string;
  minutes: number;
  /** The lesson's `:::key` callouts; a lesson without any gives its objectives instead. */
  keyPoints: HandoutItem[];
  /** Objectives, shown as key points when the lesson has no `:::key` (each as plain text). */
  objectives: string[];
  tries: HandoutItem[];
  /** Reflection and discussion prompts, as compiled HTML: the questions to take away. */
  prompts: string[];
  sources: Source[];
};

const items = (blocks: readonly LessonBlock[], kind: Callout['kind']): HandoutItem[] =>
  blocks
    .filter((b): b is Callout => b.type === 'callout' && b.kind === kind)
    .map((b) => ({ title: b.title, html: b.html }));

/**
 * What a lesson's one-page handout carries, from the compiled lesson alone: key points, the "try this",
 * the reflection and discussion prompts, and the sources. Facilitator notes (for whoever runs a session),
 * checks (a poll in the room) and the body text (the talk itself) stay off the page.
 */
export function handoutContent(lesson: Lesson): Handout {
  const keyPoints = items(lesson.blocks, 'key');
  const prompts: string[] = [];
  for (const block of lesson.blocks) {
    if (block.type === 'reflect') prompts.push(block.prompt);
    else if (block.type === 'discuss') prompts.push(block.html);
  }
  return {
    title: lesson.title,
    minutes: lesson.minutes,
    keyPoints,
    objectives: keyPoints.length === 0 ? lesson.objectives : [],
    tries: items(lesson.blocks, 'try'),
    prompts,
    sources: lesson.sources,
  };
}
